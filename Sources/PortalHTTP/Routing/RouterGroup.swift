/// Routes under one path prefix that share middleware, collected by ``RouterBuilder/group(_:middleware:_:)``.
///
/// ```swift
/// routes.group("/agent", middleware: [RequireRole(.agent)]) { agent in
///     agent.get("") { request, context in … }          // /agent
///     agent.post("/dossiers/{id}/note") { … }           // /agent/dossiers/{id}/note
/// }
/// ```
public struct RouterGroup<Context: RouterContext> {
    private let prefix: String
    private let middleware: [any RouterMiddleware<Context>]
    /// The routes added so far, their patterns whole and their handlers wrapped in this group's middleware.
    private(set) var routes: [(method: HTTPMethod, pattern: String, handler: RouteHandler<Context>)] = []

    init(prefix: String, middleware: [any RouterMiddleware<Context>]) {
        self.prefix = prefix
        self.middleware = middleware
    }

    /// Routes `method` requests matching `pattern` (relative to the group's prefix; `""` is the prefix itself).
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping RouteHandler<Context>) {
        routes.append((method, prefix + pattern, middleware.wrapping(handler)))
    }

    /// Routes GET (and HEAD) requests matching `pattern`.
    public mutating func get(_ pattern: String, _ handler: @escaping RouteHandler<Context>) { add(.GET, pattern, handler) }
    /// Routes POST requests matching `pattern`.
    public mutating func post(_ pattern: String, _ handler: @escaping RouteHandler<Context>) { add(.POST, pattern, handler) }

    /// A group inside this one: its prefix follows this one's, its middleware runs inside this one's.
    public mutating func group(
        _ prefix: String, middleware: [any RouterMiddleware<Context>] = [], _ body: (inout RouterGroup<Context>) -> Void
    ) {
        var inner = RouterGroup(prefix: self.prefix + prefix, middleware: middleware)
        body(&inner)
        for route in inner.routes {
            routes.append((route.method, route.pattern, self.middleware.wrapping(route.handler)))
        }
    }
}
