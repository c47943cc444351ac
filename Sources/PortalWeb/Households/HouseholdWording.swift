import PortalCore

/// How the household pages word ages and validity.
enum HouseholdWording {
    /// "7 ans", "1 an", "18 mois" on `day`; nil without a birth date.
    static func age(of member: HouseholdMember, on day: CalendarDay) -> String? {
        guard let months = member.ageInMonths(on: day), let years = member.age(on: day) else { return nil }
        if months < 24 { return "\(months) mois" }
        return years == 1 ? "1 an" : "\(years) ans"
    }

    /// "valable jusqu'au 27 février 2027", "expiré depuis le 3 mars 2026", "sans limite de durée".
    static func validity(of document: SupportingDocument, on day: CalendarDay) -> (text: String, expired: Bool) {
        guard let until = document.validUntil else { return ("sans limite de durée", false) }
        return document.isValid(on: day) ? ("valable jusqu'au \(until.french)", false) : ("expiré depuis le \(until.adding(days: 1).french)", true)
    }

    /// How long a kind of document counts, for the choices of the form.
    static func validityRule(of kind: SupportingDocument.Kind) -> String {
        switch kind.validityMonths {
        case nil: "Sans limite de durée."
        case 12?: "Valable un an après sa date."
        case let months?: "Accepté \(months) mois après sa date."
        }
    }
}
