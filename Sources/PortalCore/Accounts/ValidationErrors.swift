/// Field-keyed validation messages in French, in the order of the form, for
/// an error summary with links to the fields.
public struct ValidationErrors: Error, Sendable, Hashable {
    /// One message about one field.
    public struct FieldError: Sendable, Hashable {
        /// The field's name, also the id of its input in the page.
        public var field: String
        /// What to do, in French.
        public var message: String

        /// Creates a field error.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// The messages, in form order; at most one per field.
    public private(set) var errors: [FieldError] = []

    /// Creates an empty list.
    public init() {}

    /// True when there is no message.
    public var isEmpty: Bool { errors.isEmpty }

    /// The message about `field`, if any.
    public subscript(field: String) -> String? {
        errors.first { $0.field == field }?.message
    }

    /// Adds a message about `field`, unless that field already has one.
    public mutating func add(_ message: String, for field: String) {
        guard self[field] == nil else { return }
        errors.append(FieldError(field: field, message: message))
    }
}
