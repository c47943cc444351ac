/// Why a household use case refused.
public enum HouseholdError: Error, Sendable, Hashable {
    /// Not the account's household, member or document (answered 404).
    case notFound
    /// The form has mistakes, to show next to the fields.
    case invalid(ValidationErrors)
    /// The invitation is unknown, already used or expired.
    case invitationInvalid
    /// The invited person already belongs to a household with children or another adult.
    case alreadyInAnotherHousehold
}

extension HouseholdError: DomainError {
    public var kind: ErrorKind {
        switch self {
        case .notFound, .invitationInvalid: .notFound
        case .invalid: .invalid
        case .alreadyInAnotherHousehold: .conflict
        }
    }
}
