extension ValidationErrors {
    /// `typed` as ``TypedText/singleLine(_:subject:)`` holds it; when the text breaks the rule,
    /// its message is added for `field` and the empty text returned (a later check of the field
    /// adds nothing more: the field already has its message).
    mutating func singleLine(_ typed: String, subject: String, for field: String) -> String {
        checked(for: field) { () throws(TypedText.Problem) in try TypedText.singleLine(typed, subject: subject) }
    }

    /// `typed` as ``TypedText/multiLine(_:subject:)`` holds it; when the text breaks the rule,
    /// its message is added for `field` and the empty text returned.
    mutating func multiLine(_ typed: String, subject: String, for field: String) -> String {
        checked(for: field) { () throws(TypedText.Problem) in try TypedText.multiLine(typed, subject: subject) }
    }

    /// The day `typed` as `JJ/MM/AAAA`; when it is none, "`subject` : indiquez un jour sous la forme
    /// JJ/MM/AAAA, par exemple `example`." is added for `field`. When `optional`, an empty text is nil
    /// without a message, and the message adds "ou laissez vide".
    mutating func day(_ typed: String, subject: String, example: String, optional: Bool = false, for field: String) -> CalendarDay? {
        if optional, typed.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        guard let day = CalendarDay(typed: typed) else {
            add("\(subject) : indiquez un jour sous la forme JJ/MM/AAAA, par exemple \(example)\(optional ? ", ou laissez vide" : "").", for: field)
            return nil
        }
        return day
    }

    private mutating func checked(for field: String, _ normalise: () throws(TypedText.Problem) -> String) -> String {
        do {
            return try normalise()
        } catch {
            add(error.message, for: field)
            return ""
        }
    }
}
