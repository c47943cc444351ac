/// An organisation's public details as an administrator types them in `/admin/organisations/{id}`:
/// what it is called, how to reach it and when it receives the public.
///
/// Every value is the text as typed, so a page sent back with an error shows it unchanged;
/// ``validated(_:)`` turns it into the organisation's new state.
public struct OrganisationForm: Sendable, Hashable {
    /// One dated exception as typed: the day, its periods (none for a closure) and a note.
    public struct ExceptionRow: Sendable, Hashable {
        public var date: String
        public var hours: String
        public var note: String
        /// Ticked to take the exception away.
        public var removed: Bool

        /// Creates a row.
        public init(date: String = "", hours: String = "", note: String = "", removed: Bool = false) {
            self.date = date
            self.hours = hours
            self.note = note
            self.removed = removed
        }

        /// Whether nothing was typed in the row (a blank row offered for a new exception).
        public var isBlank: Bool {
            date.trimmingCharacters(in: .whitespaces).isEmpty && hours.trimmingCharacters(in: .whitespaces).isEmpty
                && note.trimmingCharacters(in: .whitespaces).isEmpty
        }
    }

    public var name = ""
    public var shortName = ""
    public var description = ""
    public var address = ""
    public var postalCode = ""
    public var city = ""
    public var phone = ""
    public var email = ""
    public var website = ""
    /// The periods of each weekday as typed, "9 h – 12 h 30, 13 h 30 – 17 h"; empty when closed.
    public var week: [Weekday: String] = [:]
    /// Notes for the public, one per line.
    public var notes = ""
    public var exceptions: [ExceptionRow] = []
    /// Ticked while the contact details are still demo data to verify.
    public var demoContact = false
    /// What the team must still check; never shown on public pages.
    public var staffNote = ""

    /// An empty form.
    public init() {}

    /// The form filled with `organisation`'s current details; past exceptions are left out.
    public init(_ organisation: Organisation, today: CalendarDay) {
        name = organisation.name
        shortName = organisation.shortName ?? ""
        description = organisation.description ?? ""
        address = organisation.address ?? ""
        postalCode = organisation.postalCode ?? ""
        city = organisation.city ?? ""
        phone = organisation.phone ?? ""
        email = organisation.email ?? ""
        website = organisation.website ?? ""
        let hours = organisation.openingHours
        for weekday in Weekday.allCases {
            week[weekday] = hours.ranges(on: weekday).map(\.french).joined(separator: ", ")
        }
        notes = hours.notes.joined(separator: "\n")
        exceptions = hours.exceptions.filter { $0.day >= today }.map { exception in
            ExceptionRow(date: exception.day.frenchNumeric, hours: exception.ranges.map(\.french).joined(separator: ", "),
                         note: exception.note ?? "")
        }
        demoContact = organisation.demoContact
        staffNote = organisation.staffNote ?? ""
    }

    /// The field naming the periods of `weekday`.
    public static func field(_ weekday: Weekday) -> String { "hours-\(weekday.key)" }

    /// The field `part` (`date`, `hours`, `note`) of the exception row `index`.
    public static func exceptionField(_ index: Int, _ part: String) -> String { "exception-\(index)-\(part)" }

    /// `organisation` with the details of this form; its id, kind, parent and commune do not change.
    ///
    /// - Throws: ``ValidationErrors`` keyed by field, in the order of the page.
    public func validated(_ organisation: Organisation) throws(ValidationErrors) -> Organisation {
        var errors = ValidationErrors()
        var result = organisation
        result.name = errors.singleLine(name, subject: "Le nom", for: "name")
        if result.name.isEmpty { errors.add("Indiquez le nom de l'organisation.", for: "name") }
        result.shortName = Self.optional(errors.singleLine(shortName, subject: "Le nom court", for: "shortName"))
        result.description = Self.optional(errors.multiLine(description, subject: "La présentation", for: "description"))
        result.address = Self.optional(errors.singleLine(address, subject: "L'adresse", for: "address"))
        result.postalCode = Self.optional(errors.singleLine(postalCode, subject: "Le code postal", for: "postalCode"))
        if let code = result.postalCode, code.count != 5 || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            errors.add("Le code postal s'écrit avec 5 chiffres, par exemple 37130.", for: "postalCode")
        }
        result.city = Self.optional(errors.singleLine(city, subject: "La ville", for: "city"))
        result.phone = Self.optional(errors.singleLine(phone, subject: "Le téléphone", for: "phone")).flatMap { typed in
            guard let number = FrenchPhoneNumber.normalise(typed) else {
                errors.add("Le numéro de téléphone doit être un numéro français à 10 chiffres, par exemple 02 47 96 12 50.", for: "phone")
                return typed
            }
            return number
        }
        result.email = Self.optional(errors.singleLine(email, subject: "L'adresse e-mail", for: "email")).map { typed in
            let address = EmailAddress.normalise(typed)
            if !EmailAddress.isValid(address) {
                errors.add("Indiquez une adresse e-mail de la forme nom@domaine.fr.", for: "email")
            }
            return address
        }
        result.website = Self.optional(errors.singleLine(website, subject: "Le site internet", for: "website"))
        if let site = result.website, !(site.hasPrefix("https://") || site.hasPrefix("http://")) || site.contains(" ") || site.count < 12 {
            errors.add("L'adresse du site internet commence par https://, par exemple https://www.langeais.fr.", for: "website")
        }
        result.openingHours = openingHours(into: &errors)
        result.demoContact = demoContact
        result.staffNote = Self.optional(errors.multiLine(staffNote, subject: "La note pour l'équipe", for: "staffNote"))
        guard errors.isEmpty else { throw errors }
        return result
    }

    private func openingHours(into errors: inout ValidationErrors) -> OpeningHours {
        var hours = OpeningHours.none
        for weekday in Weekday.allCases {
            let field = Self.field(weekday)
            let label = weekday.label
            guard let ranges = Self.ranges(week[weekday] ?? "", label: label, field: field, into: &errors) else { continue }
            do {
                try hours.set(ranges, on: weekday)
            } catch {
                errors.add("\(label) : deux plages horaires se chevauchent. Corrigez-les pour qu'elles se suivent.", for: field)
            }
        }
        hours.notes = errors.multiLine(notes, subject: "Les informations pratiques", for: "notes")
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var days: [CalendarDay] = []
        var exceptions: [OpeningHours.Exception] = []
        for (index, row) in self.exceptions.enumerated() where !row.removed && !row.isBlank {
            let dateField = Self.exceptionField(index, "date"), hoursField = Self.exceptionField(index, "hours")
            guard let day = CalendarDay(typed: row.date) else {
                errors.add("Exception \(index + 1) : indiquez le jour sous la forme JJ/MM/AAAA, par exemple 24/12/2026.", for: dateField)
                continue
            }
            if days.contains(day) {
                errors.add("Exception \(index + 1) : le \(day.french) a déjà une exception. Gardez-en une seule.", for: dateField)
            }
            days.append(day)
            let note = Self.optional(errors.singleLine(row.note, subject: "La note de l'exception \(index + 1)",
                                                       for: Self.exceptionField(index, "note")))
            guard let ranges = Self.ranges(row.hours, label: "Exception \(index + 1)", field: hoursField, into: &errors) else { continue }
            if zip(ranges.sorted(), ranges.sorted().dropFirst()).contains(where: { $0.overlaps($1) }) {
                errors.add("Exception \(index + 1) : deux plages horaires se chevauchent.", for: hoursField)
            }
            exceptions.append(OpeningHours.Exception(day: day, ranges: ranges, note: note))
        }
        if errors.isEmpty, let built = try? OpeningHours(week: hours.week, exceptions: exceptions, notes: hours.notes) {
            hours = built
        }
        return hours
    }

    /// The periods typed in `text` ("9 h – 12 h, 14 h – 17 h"); nil, with a message, when one is not a period.
    private static func ranges(_ text: String, label: String, field: String, into errors: inout ValidationErrors) -> [TimeRange]? {
        let typed = errors.singleLine(text, subject: label, for: field)
        var ranges: [TimeRange] = []
        for part in typed.replacingOccurrences(of: " et ", with: ",").split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let piece = part.trimmingCharacters(in: .whitespaces)
            guard !piece.isEmpty else { continue }
            guard let range = TimeRange(text: piece) else {
                errors.add("\(label) : « \(piece) » n'est pas une plage horaire. Écrivez par exemple 9 h – 12 h 30, 13 h 30 – 17 h.",
                           for: field)
                return nil
            }
            ranges.append(range)
        }
        return ranges
    }

    private static func optional(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
