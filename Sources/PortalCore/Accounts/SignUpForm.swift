/// What a resident types to create an account.
public struct SignUpForm: Sendable, Hashable {
    /// The form's fields, named as in ``ValidationErrors``.
    public enum Field: String, Sendable, CaseIterable {
        /// The e-mail address.
        case email
        /// The password.
        case password
        /// The resident's name.
        case displayName
        /// The commune.
        case commune
    }

    /// The e-mail address, as typed.
    public var email: String
    /// The password, as typed.
    public var password: String
    /// The resident's name.
    public var displayName: String
    /// The INSEE code of the resident's commune.
    public var communeInsee: String

    /// Creates a form.
    public init(email: String, password: String, displayName: String, communeInsee: String) {
        self.email = email
        self.password = password
        self.displayName = displayName
        self.communeInsee = communeInsee
    }
}

extension ValidationErrors {
    /// Adds a message about a sign-up field, unless that field already has one.
    mutating func add(_ message: String, for field: SignUpForm.Field) {
        add(message, for: field.rawValue)
    }
}

/// Why a sign-up failed.
public enum SignUpError: Error, Sendable {
    /// The form has mistakes, to show next to the fields.
    case invalid(ValidationErrors)
    /// The database failed.
    case storage(any Error)
}
