/// An activity's settings as an administrator or its organisation's manager types them in
/// `/admin/activites/{id}` (or `/admin/activites/nouvelle`): what families read, who runs and bills
/// it, who may register (communes, ages, documents), the registration window, the dates, the places
/// and the tariff by family-quotient band.
public struct ActivityForm: Sendable, Hashable {
    /// One row of the tariff table as typed: the highest family quotient of the band (empty on the
    /// last band, which has no ceiling) and its price in euros.
    public struct Band: Sendable, Hashable {
        public var ceiling = ""
        public var price = ""

        public init(ceiling: String = "", price: String = "") {
            self.ceiling = ceiling
            self.price = price
        }
    }

    /// How an age is typed: a number of months or of years.
    public enum AgeUnit: String, Sendable, Hashable, CaseIterable {
        case months = "mois"
        case years = "ans"
    }

    /// What the form may name: the organisations the person administers, the régies they may bill
    /// in and the communes, each in the order of the page's lists.
    public struct Options: Sendable, Hashable {
        public var organisations: [Organisation]
        public var regies: [Regie]
        public var communes: [Commune]

        public init(organisations: [Organisation], regies: [Regie], communes: [Commune]) {
            self.organisations = organisations
            self.regies = regies
            self.communes = communes
        }
    }

    /// The tariff table's rows on the page: enough for the bands services use.
    public static let bandRows = 6

    public var title = ""
    public var period = ""
    public var description = ""
    /// The id of the organisation running it.
    public var organisation = ""
    /// The id of the régie billing it; empty when it is not billed here.
    public var regie = ""
    /// The youngest age accepted, in ``minAgeUnit``, on the first day.
    public var minAge = ""
    public var minAgeUnit = AgeUnit.years.rawValue
    /// The oldest age accepted, included ("jusqu'à 11 ans": until the twelfth birthday).
    public var maxAge = ""
    public var maxAgeUnit = AgeUnit.years.rawValue
    /// True when only the residents of ``communes`` may register; false: every commune.
    public var someCommunes = false
    public var communes: [String] = []
    /// The kinds of household documents required (``SupportingDocument/Kind`` raw values).
    public var requiredDocuments: [String] = []
    /// Registration opens and closes on these days (`JJ/MM/AAAA`), both included.
    public var opensOn = ""
    public var closesOn = ""
    /// The activity runs from and to these days.
    public var startsOn = ""
    public var endsOn = ""
    public var capacity = ""
    /// The invoice line of a confirmed registration ("Forfait annuel"); empty without a tariff.
    public var tariffLabel = ""
    /// ``bandRows`` rows, the unused ones empty.
    public var bands = Array(repeating: Band(), count: ActivityForm.bandRows)
    public var billingNote = ""

    /// The name of a tariff row's field: `tranche-1-plafond`, `tranche-1-prix`.
    public static func bandField(_ index: Int, _ part: String) -> String { "tranche-\(index + 1)-\(part)" }

    /// An empty form.
    public init() {}

    /// The form filled with `activity`.
    public init(_ activity: Activity) {
        title = activity.title
        period = activity.period
        description = activity.description
        organisation = activity.organisationId
        regie = activity.regieId ?? ""
        (minAge, minAgeUnit) = Self.typed(minimum: activity.minAgeMonths)
        (maxAge, maxAgeUnit) = Self.typed(maximum: activity.maxAgeMonths)
        someCommunes = !activity.communes.isEmpty
        communes = activity.communes
        requiredDocuments = activity.requiredDocuments.map(\.rawValue)
        opensOn = activity.opensOn.frenchNumeric
        closesOn = activity.closesOn.frenchNumeric
        startsOn = activity.startsOn.frenchNumeric
        endsOn = activity.endsOn.frenchNumeric
        capacity = String(activity.capacity)
        tariffLabel = activity.tariff?.label ?? ""
        let saved = activity.tariff?.bands ?? []
        bands = Array(repeating: Band(), count: max(Self.bandRows, saved.count))
        for (index, band) in saved.enumerated() {
            bands[index] = Band(ceiling: band.maxQuotient.map(String.init) ?? "", price: Euros.formatNumber(band.cents))
        }
        billingNote = activity.billingNote ?? ""
    }

    /// A minimum age as typed: whole years from 2 years, else months.
    private static func typed(minimum months: Int) -> (String, String) {
        months >= 24 && months % 12 == 0 ? (String(months / 12), AgeUnit.years.rawValue) : (String(months), AgeUnit.months.rawValue)
    }

    /// A maximum age as typed: "11 ans" is 143 months, up to the day before the twelfth birthday.
    private static func typed(maximum months: Int) -> (String, String) {
        months >= 23 && (months + 1) % 12 == 0
            ? (String((months + 1) / 12 - 1), AgeUnit.years.rawValue) : (String(months), AgeUnit.months.rawValue)
    }

    /// `activity` with this form's settings, given `confirmed` registrations already holding a place.
    ///
    /// - Throws: ``ValidationErrors`` keyed by field, in the order of the page.
    public func validated(_ activity: Activity, confirmed: Int, options: Options) throws(ValidationErrors) -> Activity {
        var errors = ValidationErrors()
        var result = activity
        result.title = errors.singleLine(title, subject: "Le nom", for: "title")
        if result.title.isEmpty { errors.add("Indiquez le nom de l'activité.", for: "title") }
        result.period = errors.singleLine(period, subject: "La période", for: "period")
        result.description = errors.multiLine(description, subject: "La présentation", for: "description")
        if options.organisations.contains(where: { $0.id == organisation }) {
            result.organisationId = organisation
        } else {
            errors.add("Choisissez l'organisation qui assure l'activité.", for: "organisation")
        }
        if regie.isEmpty {
            result.regieId = nil
        } else if options.regies.contains(where: { $0.id == regie }) {
            result.regieId = regie
        } else {
            errors.add("Choisissez une régie de la liste, ou « Aucune ».", for: "regie")
        }
        validateAges(into: &result, &errors)
        let chosen = Self.ordered(options.communes.map(\.insee).filter(communes.contains), as: activity.communes)
        if someCommunes, chosen.isEmpty {
            errors.add("Cochez au moins une commune, ou choisissez « Toutes les communes ».", for: "communes")
        }
        result.communes = someCommunes ? chosen : []
        result.requiredDocuments = Self.ordered(SupportingDocument.Kind.allCases.filter { requiredDocuments.contains($0.rawValue) },
                                                as: activity.requiredDocuments)
        validateDates(into: &result, &errors)
        if let places = Int(capacity.trimmingCharacters(in: .whitespaces)), places >= 1 {
            if places < confirmed {
                errors.add("Impossible de passer à \(places) place\(places > 1 ? "s" : "") : \(confirmed) inscriptions sont déjà confirmées. "
                           + "Gardez au moins \(confirmed) places, ou annulez d'abord des inscriptions.", for: "capacity")
            }
            result.capacity = places
        } else {
            errors.add("Indiquez le nombre de places, un nombre entier d'au moins 1.", for: "capacity")
        }
        result.tariff = validatedTariff(&errors)
        if result.tariff != nil, result.regieId == nil {
            errors.add("Une activité avec un tarif est facturée dans une régie : choisissez-la.", for: "regie")
        }
        let note = errors.multiLine(billingNote, subject: "La note de facturation", for: "billingNote")
        result.billingNote = note.isEmpty ? nil : note
        guard errors.isEmpty else { throw errors }
        return result
    }

    /// `chosen`, those already in `previous` first in their order, so that saving unchanged changes nothing.
    private static func ordered<Value: Equatable>(_ chosen: [Value], as previous: [Value]) -> [Value] {
        previous.filter(chosen.contains) + chosen.filter { !previous.contains($0) }
    }

    private func validateAges(into result: inout Activity, _ errors: inout ValidationErrors) {
        func months(_ typed: String, _ unit: String, field: String, label: String, maximum: Bool) -> Int? {
            guard let number = Int(typed.trimmingCharacters(in: .whitespaces)), let unit = AgeUnit(rawValue: unit),
                  number >= 0, number <= (unit == .years ? 100 : 1200) else {
                errors.add("\(label) : indiquez un nombre entier de mois ou d'années, par exemple 3 ans.", for: field)
                return nil
            }
            switch unit {
            case .months: return number
            case .years: return maximum ? number * 12 + 11 : number * 12
            }
        }
        let youngest = months(minAge, minAgeUnit, field: "minAge", label: "Âge minimum", maximum: false)
        let oldest = months(maxAge, maxAgeUnit, field: "maxAge", label: "Âge maximum", maximum: true)
        guard let youngest, let oldest else { return }
        if oldest < youngest { errors.add("L'âge maximum est plus jeune que l'âge minimum : vérifiez les deux.", for: "maxAge") }
        result.minAgeMonths = youngest
        result.maxAgeMonths = oldest
    }

    private func validateDates(into result: inout Activity, _ errors: inout ValidationErrors) {
        let example = "01/09/2026"
        let opens = errors.day(opensOn, subject: "Ouverture des inscriptions", example: example, for: "opensOn")
        let closes = errors.day(closesOn, subject: "Clôture des inscriptions", example: example, for: "closesOn")
        let starts = errors.day(startsOn, subject: "Début de l'activité", example: example, for: "startsOn")
        let ends = errors.day(endsOn, subject: "Fin de l'activité", example: example, for: "endsOn")
        if let opens, let closes {
            if closes < opens { errors.add("Les inscriptions ferment avant d'ouvrir : vérifiez les deux jours.", for: "closesOn") }
            result.opensOn = opens
            result.closesOn = closes
        }
        if let starts, let ends {
            if ends < starts { errors.add("L'activité finit avant de commencer : vérifiez les deux jours.", for: "endsOn") }
            result.startsOn = starts
            result.endsOn = ends
        }
    }

    /// The tariff of the filled rows, or nil when neither a label nor a row is filled.
    private func validatedTariff(_ errors: inout ValidationErrors) -> ActivityTariff? {
        let label = errors.singleLine(tariffLabel, subject: "Le libellé du tarif", for: "tariffLabel")
        let rows = bands.enumerated().filter { !$0.element.ceiling.trimmed.isEmpty || !$0.element.price.trimmed.isEmpty }
        guard !label.isEmpty || !rows.isEmpty else { return nil }
        if label.isEmpty { errors.add("Indiquez le libellé de la facture, par exemple « Forfait annuel ».", for: "tariffLabel") }
        guard !rows.isEmpty else {
            errors.add("Indiquez au moins un prix dans le tableau des tranches.", for: Self.bandField(0, "prix"))
            return nil
        }
        var result: [ActivityTariff.Band] = []
        for (position, (index, band)) in rows.enumerated() {
            let number = index + 1
            let isLast = position == rows.count - 1
            var ceiling: Int?
            if isLast {
                if !band.ceiling.trimmed.isEmpty {
                    errors.add("La dernière tranche remplie n'a pas de plafond : laissez-le vide, elle vaut pour tous les quotients au-dessus.",
                               for: Self.bandField(index, "plafond"))
                }
            } else if let value = Int(band.ceiling.trimmed), value >= 0 {
                if let previous = result.last?.maxQuotient, value <= previous {
                    errors.add("Le plafond de la tranche \(number) doit dépasser celui de la tranche précédente (\(previous)).",
                               for: Self.bandField(index, "plafond"))
                }
                ceiling = value
            } else {
                errors.add("Indiquez le quotient familial le plus haut de la tranche \(number), un nombre entier, par exemple 600.",
                           for: Self.bandField(index, "plafond"))
            }
            let cents = Euros.parse(band.price)
            if cents == nil || cents == 0 {
                errors.add("Le prix de la tranche \(number) doit être un montant en euros, par exemple 42,00.", for: Self.bandField(index, "prix"))
            }
            result.append(ActivityTariff.Band(maxQuotient: ceiling, cents: cents ?? 0))
        }
        return ActivityTariff(label: label, bands: result)
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
