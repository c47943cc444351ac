/// One registered route, as the router lists it: its method and its whole pattern.
public struct RouteDescription: Sendable, Hashable, CustomStringConvertible {
    /// The method it answers (HEAD follows GET).
    public let method: HTTPMethod
    /// Its pattern from the root, `{name}` segments and a final `*` included.
    public let pattern: String

    public var description: String { "\(method.rawValue) \(pattern)" }
}
