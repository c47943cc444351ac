/// Collects routes and middleware, then builds an immutable ``Router``.
///
/// Patterns are paths whose segments are literals, `{name}` parameters, or a final `*` that matches
/// the rest of the path (exposed as parameter `*`). Literal segments win over parameters.
/// Middleware added with ``add(middleware:)`` runs around every request; a ``group(_:middleware:_:)``
/// adds middleware for its routes only.
public struct RouterBuilder<Context: RouterContext> {
    private var nodes = [RouteNode<Context>()]
    private var middleware: [any RouterMiddleware<Context>] = []
    private var routes: [RouteDescription] = []

    /// Creates an empty builder.
    public init() {}

    /// Adds middleware around every request, unknown paths and wrong methods included (their errors are
    /// thrown from inside it). The first added is the outermost.
    public mutating func add(middleware: some RouterMiddleware<Context>) {
        self.middleware.append(middleware)
    }

    /// Routes GET (and HEAD) requests matching `pattern`.
    public mutating func get(_ pattern: String, _ handler: @escaping RouteHandler<Context>) { add(.GET, pattern, handler) }
    /// Routes POST requests matching `pattern`.
    public mutating func post(_ pattern: String, _ handler: @escaping RouteHandler<Context>) { add(.POST, pattern, handler) }

    /// Routes `method` requests matching `pattern`; a later route for the same pattern and method replaces the earlier.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping RouteHandler<Context>) {
        if !routes.contains(RouteDescription(method: method, pattern: pattern)) {
            routes.append(RouteDescription(method: method, pattern: pattern))
        }
        var node = 0
        let segments = pattern.split(separator: "/")
        for (index, segment) in segments.enumerated() {
            if segment == "*", index == segments.count - 1 {
                nodes[node].prefixHandlers[method] = handler
                return
            }
            if segment.hasPrefix("{"), segment.hasSuffix("}"), segment.count > 2 {
                let name = String(segment.dropFirst().dropLast())
                if let existing = nodes[node].parameter {
                    precondition(existing.name == name, "route \(pattern): parameter {\(name)} conflicts with {\(existing.name)}")
                    node = existing.node
                } else {
                    nodes.append(RouteNode())
                    nodes[node].parameter = (name, nodes.count - 1)
                    node = nodes.count - 1
                }
            } else if let next = nodes[node].literals[String(segment)] {
                node = next
            } else {
                nodes.append(RouteNode())
                nodes[node].literals[String(segment)] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        nodes[node].handlers[method] = handler
    }

    /// Adds the routes `body` registers under `prefix`, each wrapped in `middleware` (the first outermost).
    public mutating func group(
        _ prefix: String, middleware: [any RouterMiddleware<Context>] = [], _ body: (inout RouterGroup<Context>) -> Void
    ) {
        var group = RouterGroup(prefix: prefix, middleware: middleware)
        body(&group)
        for route in group.routes { add(route.method, route.pattern, route.handler) }
    }

    /// The router.
    ///
    /// - Parameters:
    ///   - context: makes each request's context, once, before any middleware.
    ///   - fallback: answers an error that no middleware turned into a response (by default, a plain-text
    ///     response with the error's status, or 500).
    public func build(
        context: @escaping @Sendable (HTTPRequest) -> Context,
        fallback: @escaping @Sendable (HTTPRequest, any Error) -> HTTPResponse = Router<Context>.plainError
    ) -> Router<Context> {
        Router(nodes: nodes, routes: routes, middleware: middleware, context: context, fallback: fallback)
    }
}

extension RouterBuilder where Context == BasicRouterContext {
    /// The router, each request starting from an empty ``BasicRouterContext``.
    public func build(
        fallback: @escaping @Sendable (HTTPRequest, any Error) -> HTTPResponse = Router<Context>.plainError
    ) -> Router<Context> {
        build(context: { _ in BasicRouterContext() }, fallback: fallback)
    }
}
