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

    private mutating func checked(for field: String, _ normalise: () throws(TypedText.Problem) -> String) -> String {
        do {
            return try normalise()
        } catch {
            add(error.message, for: field)
            return ""
        }
    }
}
