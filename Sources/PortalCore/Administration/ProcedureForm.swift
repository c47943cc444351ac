import Foundation

/// A procedure as an administrator types it in `/admin/demarches/{slug}`: what residents read, how
/// it is done, who handles it (a rule and the communes that differ) and what silence means.
///
/// Every value is the text as typed, so a page sent back with an error shows it unchanged;
/// ``validated(_:in:)`` turns it into the procedure's new state.
public struct ProcedureForm: Sendable, Hashable {
    /// How one commune departs from the rule: `""` (it follows the rule), `not_offered`, or the id
    /// of the organisation that handles it there; and the note residents read.
    public struct CommuneRule: Sendable, Hashable {
        public var rule: String
        public var note: String

        /// Creates a commune's rule.
        public init(rule: String = "", note: String = "") {
            self.rule = rule
            self.note = note
        }
    }

    /// The value of ``CommuneRule/rule`` for a procedure not offered in the commune.
    public static let notOffered = "not_offered"

    public var title = ""
    public var summary = ""
    public var description = ""
    public var category = ""
    /// Other words residents use, one per line.
    public var synonyms = ""
    /// What to bring, one per line.
    public var documents = ""
    public var cost = ""
    public var delay = ""
    /// The channels ticked (`online`, `counter`, `post`, `phone`).
    public var channels: [String] = []
    public var onlineURL = ""
    public var howTo = ""
    public var popular = false
    /// `communal`, `intercommunal` or `external`.
    public var handlerType = ""
    /// The CCTOVAL service of an intercommunal rule.
    public var intercommunalOrganisation = ""
    /// The outside body of an external rule, and the places that receive residents for it.
    public var externalOrganisation = ""
    public var counters: [String] = []
    /// Each commune's rule, by INSEE code; a commune left out follows the rule.
    public var communes: [String: CommuneRule] = [:]
    /// `acceptance` or `rejection`.
    public var silenceOutcome = ""
    public var silenceMonths = ""
    public var staffNote = ""
    /// The publication window (`JJ/MM/AAAA`, both included); empty: no limit on that side.
    public var publishedFrom = ""
    public var publishedUntil = ""

    /// An empty form.
    public init() {}

    /// The form filled with `procedure`.
    public init(_ procedure: Procedure) {
        title = procedure.title
        summary = procedure.summary
        description = procedure.description ?? ""
        category = procedure.categoryId
        synonyms = procedure.synonyms.joined(separator: "\n")
        documents = procedure.documents.joined(separator: "\n")
        cost = procedure.cost ?? ""
        delay = procedure.delay ?? ""
        channels = procedure.channels.map(\.rawValue)
        onlineURL = procedure.onlineURL ?? ""
        howTo = procedure.howTo ?? ""
        popular = procedure.popular
        switch procedure.handler {
        case .communal:
            handlerType = "communal"
        case .intercommunal(let id):
            handlerType = "intercommunal"
            intercommunalOrganisation = id
        case .external(let id, let places):
            handlerType = "external"
            externalOrganisation = id
            counters = places
        }
        for exception in procedure.exceptions {
            let rule = switch exception.rule {
            case .notOffered: Self.notOffered
            case .handledBy(let id): id
            }
            communes[exception.communeInsee] = CommuneRule(rule: rule, note: exception.note ?? "")
        }
        silenceOutcome = procedure.silence.outcome.rawValue
        silenceMonths = String(procedure.silence.months)
        staffNote = procedure.staffNote ?? ""
        publishedFrom = procedure.publishedFrom?.frenchNumeric ?? ""
        publishedUntil = procedure.publishedUntil?.frenchNumeric ?? ""
    }

    /// The field of commune `insee`'s rule, and of its note.
    public static func communeField(_ insee: String) -> String { "commune-\(insee)" }
    public static func communeNoteField(_ insee: String) -> String { "commune-\(insee)-note" }

    /// `procedure` with the details of this form; its slug and publication do not change.
    ///
    /// - Throws: ``ValidationErrors`` keyed by field, in the order of the page.
    public func validated(_ procedure: Procedure, in data: ReferenceData) throws(ValidationErrors) -> Procedure {
        var errors = ValidationErrors()
        var result = procedure
        let kinds = Dictionary(data.organisations.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        func line(_ text: String, _ subject: String, _ field: String) -> String? {
            let value = errors.singleLine(text, subject: subject, for: field)
            if value.range(of: "à vérifier", options: .caseInsensitive) != nil {
                errors.add("\(subject) est lu par les habitants : mettez ce qui reste « à vérifier » dans la note pour l'équipe.", for: field)
            }
            return value.isEmpty ? nil : value
        }
        func lines(_ text: String, _ subject: String, _ field: String) -> [String] {
            errors.multiLine(text, subject: subject, for: field).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        result.title = line(title, "Le titre", "title") ?? ""
        if result.title.isEmpty { errors.add("Indiquez le titre de la démarche, par exemple « Demander un acte de naissance ».", for: "title") }
        result.summary = line(summary, "Le résumé", "summary") ?? ""
        if result.summary.isEmpty { errors.add("Indiquez en une phrase à quoi sert la démarche.", for: "summary") }
        let text = errors.multiLine(description, subject: "La présentation", for: "description")
        result.description = text.isEmpty ? nil : text
        if data.categories.contains(where: { $0.id == category }) {
            result.categoryId = category
        } else {
            errors.add("Choisissez le thème de la démarche.", for: "category")
        }
        result.synonyms = lines(synonyms, "Les autres mots", "synonyms")
        result.documents = lines(documents, "Les pièces à fournir", "documents")
        result.cost = line(cost, "Le coût", "cost")
        result.delay = line(delay, "Le délai", "delay")
        // The channels keep their order; new ones come after.
        let chosen = Channel.allCases.filter { channels.contains($0.rawValue) }
        result.channels = procedure.channels.filter(chosen.contains) + chosen.filter { !procedure.channels.contains($0) }
        if result.channels.isEmpty { errors.add("Cochez au moins une façon de faire la démarche.", for: "channels") }
        result.onlineURL = line(onlineURL, "L'adresse du service en ligne", "onlineURL")
        if let url = result.onlineURL, !url.hasPrefix("https://") || url.contains(" ") {
            errors.add("L'adresse du service en ligne commence par https://, par exemple https://ants.gouv.fr.", for: "onlineURL")
        }
        let how = errors.multiLine(howTo, subject: "La marche à suivre", for: "howTo")
        result.howTo = how.isEmpty ? nil : how
        result.popular = popular
        switch handlerType {
        case "communal":
            result.handler = .communal
        case "intercommunal":
            if [.intercommunality, .intercommunalService].contains(kinds[intercommunalOrganisation]) {
                result.handler = .intercommunal(organisationId: intercommunalOrganisation)
            } else {
                errors.add("Choisissez le service de la CCTOVAL qui traite la démarche.", for: "intercommunalOrganisation")
            }
        case "external":
            if let kind = kinds[externalOrganisation], kind == .external {
                // The places keep their order; new ones come after.
                let places = counters.filter { kinds[$0] != nil }
                let known: [String] = if case .external(_, let existing) = procedure.handler { existing.filter(places.contains) } else { [] }
                result.handler = .external(organisationId: externalOrganisation, counters: known + places.filter { !known.contains($0) })
            } else {
                errors.add("Choisissez l'organisme extérieur qui traite la démarche.", for: "externalOrganisation")
            }
        default:
            errors.add("Choisissez qui traite la démarche.", for: "handlerType")
        }
        result.exceptions = data.communes.compactMap { commune -> ProcedureException? in
            guard let typed = communes[commune.insee], !typed.rule.isEmpty else { return nil }
            let note = line(typed.note, "La note de \(commune.name)", Self.communeNoteField(commune.insee))
            if typed.rule == Self.notOffered { return ProcedureException(communeInsee: commune.insee, rule: .notOffered, note: note) }
            guard kinds[typed.rule] != nil else {
                errors.add("\(commune.name) : choisissez qui traite la démarche dans cette commune.", for: Self.communeField(commune.insee))
                return nil
            }
            return ProcedureException(communeInsee: commune.insee, rule: .handledBy(organisationId: typed.rule), note: note)
        }
        if let outcome = SilenceRule.Outcome(rawValue: silenceOutcome) {
            if let months = Int(silenceMonths.trimmingCharacters(in: .whitespaces)), (1...12).contains(months) {
                result.silence = SilenceRule(outcome: outcome, months: months)
            } else {
                errors.add("Indiquez le délai au bout duquel le silence vaut décision : de 1 à 12 mois.", for: "silenceMonths")
            }
        } else {
            errors.add("Choisissez ce que vaut le silence de l'administration.", for: "silenceOutcome")
        }
        result.publishedFrom = errors.day(publishedFrom, subject: "Début de la publication", example: "01/05/2027", optional: true,
                                          for: "publishedFrom")
        result.publishedUntil = errors.day(publishedUntil, subject: "Fin de la publication", example: "01/05/2027", optional: true,
                                           for: "publishedUntil")
        if let from = result.publishedFrom, let until = result.publishedUntil, until < from {
            errors.add("La publication finit avant de commencer : vérifiez les deux jours.", for: "publishedUntil")
        }
        let note = errors.multiLine(staffNote, subject: "La note pour l'équipe", for: "staffNote")
        result.staffNote = note.isEmpty ? nil : note
        guard errors.isEmpty else { throw errors }
        return result
    }
}
