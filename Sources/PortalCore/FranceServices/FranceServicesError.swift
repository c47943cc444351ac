/// Why a France Services use case refused.
public enum FranceServicesError: Error, Sendable, Hashable {
    /// Not an adviser, or a resident, mandate or code the adviser may not see (answered 404).
    case notFound
    /// The form has mistakes, to show next to the fields.
    case invalid(ValidationErrors)
    /// No valid mandate covers this for this resident (answered 404: the adviser sees nothing).
    case noMandate
}

extension FranceServicesError: DomainError {
    public var kind: ErrorKind {
        switch self {
        case .notFound, .noMandate: .notFound
        case .invalid: .invalid
        }
    }
}
