/// Why a use case refused an actor.
public enum AccessError: Error, Sendable, Hashable {
    /// Nobody is logged in: ask to log in.
    case unauthenticated
    /// The actor may not see this object or space; answered as "not found",
    /// so that its existence is not revealed.
    case notFound
}

extension AccessError: DomainError {
    /// Both are answered as "not found": who may not enter learns nothing of what is there.
    public var kind: ErrorKind { .notFound }
}
