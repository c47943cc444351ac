/// What a route's handler receives besides the request: built once per request, before any
/// middleware runs, and carried through every middleware to the handler.
///
/// A portal's context holds the session and account looked up for the request; the router only
/// fills in ``parameters`` once a route matched.
public protocol RouterContext: Sendable {
    /// The values captured by the matched route's `{name}` segments (and `*`).
    var parameters: RouteParameters { get set }
}

/// A context holding the route parameters alone.
public struct BasicRouterContext: RouterContext {
    public var parameters = RouteParameters()

    /// An empty context.
    public init() {}
}
