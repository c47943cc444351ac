import Foundation
import PortalCore

/// The adviser's page about one resident: name and commune; the site's valid mandates and what
/// they allow; the two steps of a new mandate (what it covers, then the resident's consent).
struct ResidentPageView {
    struct Choice {
        let inputId: String
        let value: String
        let label: String
        let checked: Bool
    }

    struct MandateLine {
        let families: [String]
        let until: String
        let consent: String
        let recordedOn: String
        let revokePath: String
    }

    struct ActionLink {
        let label: String
        let path: String
        let description: String
    }

    /// The typed answers and errors of the consent step, kept when it is shown again.
    struct ConsentInput {
        var consent = ""
        var readAndSigned = false
        var code = ""
    }

    let layout: LayoutContext
    let csrfToken: String
    let name: String
    let communeName: String
    let notice: String?
    let hasErrors: Bool
    let errors: [FieldErrorLink]
    let mandates: [MandateLine]
    let hasMandate: Bool
    let actions: [ActionLink]
    let receiptPath: String
    // First step: what the mandate covers.
    let scopeAction: String
    let familyChoices: [Choice]
    let durationChoices: [Choice]
    let familiesError: String?
    let durationError: String?
    // Second step: the resident's consent.
    let scopeChosen: Bool
    let chosenFamilies: [String]
    let chosenFamilyValues: [String]
    let chosenDuration: String
    let chosenDurationLabel: String
    let changeScopePath: String
    let summaryPath: String
    let codePath: String
    let mandatePath: String
    let consentChoices: [Choice]
    let consentError: String?
    let readChecked: Bool
    let readError: String?
    let code: FormField

    init(resident: FranceServices.ResidentMatch, mandates: [Mandate], scope: MandateScope, scopeSubmitted: Bool, consent: ConsentInput,
         errors: [FieldErrorLink], notice: String?, layout: LayoutContext, csrfToken: String) {
        let id = resident.accountId
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        self.layout = layout
        self.csrfToken = csrfToken
        name = resident.displayName
        communeName = resident.communeName ?? "Commune non renseignée"
        self.notice = notice
        hasErrors = !errors.isEmpty
        self.errors = errors
        self.mandates = mandates.map { mandate in
            MandateLine(families: mandate.families.map(\.label), until: Self.lastDay(of: mandate),
                        consent: mandate.consent.label, recordedOn: FrenchDateTime.text(mandate.createdAt),
                        revokePath: FranceServicesPaths.revocation(mandate: mandate.id))
        }
        hasMandate = !mandates.isEmpty
        let covered = Set(mandates.flatMap(\.families))
        actions = covered.isEmpty ? [] : Self.actions(for: covered, resident: id)
        receiptPath = FranceServicesPaths.receipt(id)

        let families = Set(scope.families), chosen = scope.validFamilies, duration = scope.validDuration
        scopeAction = FranceServicesPaths.resident(id)
        familyChoices = ProcedureFamily.allCases.enumerated().map { index, family in
            Choice(inputId: index == 0 ? "familles" : "familles-\(family.rawValue)", value: family.rawValue, label: family.label,
                   checked: families.contains(family.rawValue))
        }
        durationChoices = MandateDuration.allCases.enumerated().map { index, choice in
            Choice(inputId: index == 0 ? "duree" : "duree-\(choice.rawValue)", value: choice.rawValue, label: choice.label,
                   checked: scope.duration == choice.rawValue)
        }
        familiesError = scopeSubmitted ? error("familles") : nil
        durationError = scopeSubmitted ? error("duree") : nil

        scopeChosen = !chosen.isEmpty && duration != nil
        chosenFamilies = chosen.map(\.label)
        chosenFamilyValues = chosen.map(\.rawValue)
        chosenDuration = duration?.rawValue ?? ""
        chosenDurationLabel = duration?.label ?? ""
        changeScopePath = FranceServicesPaths.resident(id) + "?" + scope.query + "#mandat"
        summaryPath = FranceServicesPaths.mandateSummary(id) + "?" + scope.query
        codePath = FranceServicesPaths.consentCode(id)
        mandatePath = FranceServicesPaths.mandate(id)
        consentChoices = ConsentMethod.allCases.enumerated().map { index, method in
            Choice(inputId: index == 0 ? "consentement" : "consentement-\(method.rawValue)", value: method.rawValue, label: method.label,
                   checked: consent.consent == method.rawValue)
        }
        consentError = error("consentement")
        readChecked = consent.readAndSigned
        readError = error("lecture")
        code = FormField(id: "code", value: consent.code, error: error("code"))
    }

    /// "30 novembre 2026": the last day a mandate is valid (it ends at the following midnight).
    static func lastDay(of mandate: Mandate) -> String {
        CalendarDay(mandate.expiresAt.addingTimeInterval(-1)).french
    }

    /// What the adviser may do under mandates covering `families`.
    static func actions(for families: Set<ProcedureFamily>, resident id: Int64) -> [ActionLink] {
        var links = [
            ActionLink(label: "Faire une demande pour la personne", path: FranceServicesPaths.procedures(id),
                       description: "Les démarches en ligne des types couverts par le mandat, et ses brouillons."),
            ActionLink(label: "Documents demandés à la personne", path: FranceServicesPaths.documents(id),
                       description: "Envoyer les pièces manquantes de ses demandes, numérisées au guichet."),
        ]
        if families.contains(.family) {
            links.append(ActionLink(label: "Foyer et inscriptions", path: FranceServicesPaths.household(id),
                                    description: "Les membres du foyer, et leur inscription aux activités ouvertes."))
        }
        if families.contains(.payments) {
            links.append(ActionLink(label: "Factures de la personne", path: FranceServicesPaths.invoices(id),
                                    description: "Ses factures, et noter un paiement fait ailleurs (sans encaisser d'argent)."))
        }
        return links
    }
}
