/// An activity's settings as an administrator or its organisation's manager types them in
/// `/admin/activites/{id}`: what families read, the registration window, the dates and the places.
public struct ActivityForm: Sendable, Hashable {
    public var title = ""
    public var period = ""
    public var description = ""
    /// Registration opens and closes on these days (`JJ/MM/AAAA`), both included.
    public var opensOn = ""
    public var closesOn = ""
    /// The activity runs from and to these days.
    public var startsOn = ""
    public var endsOn = ""
    public var capacity = ""
    public var billingNote = ""

    /// An empty form.
    public init() {}

    /// The form filled with `activity`.
    public init(_ activity: Activity) {
        title = activity.title
        period = activity.period
        description = activity.description
        opensOn = activity.opensOn.frenchNumeric
        closesOn = activity.closesOn.frenchNumeric
        startsOn = activity.startsOn.frenchNumeric
        endsOn = activity.endsOn.frenchNumeric
        capacity = String(activity.capacity)
        billingNote = activity.billingNote ?? ""
    }

    /// `activity` with this form's settings, given `confirmed` registrations already holding a place.
    ///
    /// - Throws: ``ValidationErrors`` keyed by field, in the order of the page.
    public func validated(_ activity: Activity, confirmed: Int) throws(ValidationErrors) -> Activity {
        var errors = ValidationErrors()
        var result = activity
        result.title = errors.singleLine(title, subject: "Le nom", for: "title")
        if result.title.isEmpty { errors.add("Indiquez le nom de l'activité.", for: "title") }
        result.period = errors.singleLine(period, subject: "La période", for: "period")
        result.description = errors.multiLine(description, subject: "La présentation", for: "description")
        func day(_ typed: String, _ field: String, _ label: String) -> CalendarDay? {
            guard let day = CalendarDay(typed: typed) else {
                errors.add("\(label) : indiquez un jour sous la forme JJ/MM/AAAA, par exemple 01/09/2026.", for: field)
                return nil
            }
            return day
        }
        let opens = day(opensOn, "opensOn", "Ouverture des inscriptions"), closes = day(closesOn, "closesOn", "Clôture des inscriptions")
        let starts = day(startsOn, "startsOn", "Début de l'activité"), ends = day(endsOn, "endsOn", "Fin de l'activité")
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
        if let places = Int(capacity.trimmingCharacters(in: .whitespaces)), places >= 1 {
            if places < confirmed {
                errors.add("Impossible de passer à \(places) place\(places > 1 ? "s" : "") : \(confirmed) inscriptions sont déjà confirmées. "
                           + "Gardez au moins \(confirmed) places, ou annulez d'abord des inscriptions.", for: "capacity")
            }
            result.capacity = places
        } else {
            errors.add("Indiquez le nombre de places, un nombre entier d'au moins 1.", for: "capacity")
        }
        let note = errors.multiLine(billingNote, subject: "La note de facturation", for: "billingNote")
        result.billingNote = note.isEmpty ? nil : note
        guard errors.isEmpty else { throw errors }
        return result
    }
}
