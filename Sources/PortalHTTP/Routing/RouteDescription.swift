/// One registered route, as the router lists it: its method and its whole pattern.
public struct RouteDescription: Sendable, Hashable, CustomStringConvertible {
    /// The method it answers (HEAD follows GET).
    public let method: HTTPMethod
    /// Its pattern from the root, `{name}` segments and a final `*` included.
    public let pattern: String

    /// Describes the route answering `method` on `pattern`.
    public init(method: HTTPMethod, pattern: String) {
        self.method = method
        self.pattern = pattern
    }

    public var description: String { "\(method.rawValue) \(pattern)" }
}
