/// What went wrong with a use case, in terms every front end can answer without knowing the error's type.
public enum ErrorKind: Sendable, Hashable {
    /// The object does not exist, or the actor may not know it does (answered as one).
    case notFound
    /// What was asked breaks a rule of the object's state (a transition that makes no sense, twice the same thing).
    case conflict
    /// The input is not acceptable; the error carries the French messages to show.
    case invalid
    /// A service the use case depends on does not answer now; trying later may work.
    case unavailable
}

/// An error of the domain that says what kind of failure it is, so that one place maps every such error
/// to an answer (a page and its status on the web) instead of each caller translating it.
public protocol DomainError: Error {
    /// What kind of failure this is.
    var kind: ErrorKind { get }
}
