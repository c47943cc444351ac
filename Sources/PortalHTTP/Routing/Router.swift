/// An immutable routing table with its middleware, built by ``RouterBuilder``.
///
/// For each request it makes the context, runs the builder's middleware, then matches the path: HEAD
/// requests use the GET handler (the server drops the body); a path that matches with another method
/// throws ``MethodNotAllowed``; no match throws a 404 ``HTTPError``. Both are thrown inside the
/// middleware, so the error mapping there answers them like any other error.
public struct Router<Context: RouterContext>: HTTPResponder {
    private let nodes: [RouteNode<Context>]
    private let chain: RouteHandler<Context>
    private let makeContext: @Sendable (HTTPRequest) -> Context
    private let fallback: @Sendable (HTTPRequest, any Error) -> HTTPResponse
    /// Every route registered, in the order of registration.
    public let routes: [RouteDescription]

    init(
        nodes: [RouteNode<Context>], routes: [RouteDescription], middleware: [any RouterMiddleware<Context>],
        context: @escaping @Sendable (HTTPRequest) -> Context, fallback: @escaping @Sendable (HTTPRequest, any Error) -> HTTPResponse
    ) {
        self.nodes = nodes
        self.routes = routes
        makeContext = context
        self.fallback = fallback
        chain = middleware.wrapping { [nodes] request, context in try Self.dispatch(request, context, nodes: nodes) }
    }

    /// Routes `request` through the middleware to its handler.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        do {
            return try chain(request, makeContext(request))
        } catch {
            return fallback(request, error)
        }
    }

    /// A plain-text response with the error's status (500 for an error that carries none).
    @Sendable public static func plainError(_ request: HTTPRequest, _ error: any Error) -> HTTPResponse {
        let error = error as? any HTTPResponseError
        let status = error?.status ?? .internalServerError
        var response = HTTPResponse.text("\(status.code) \(status.reason)\n", status: status)
        for (name, value) in error?.headers ?? HTTPHeaders() { response.headers[name] = value }
        return response
    }

    private static func dispatch(_ request: HTTPRequest, _ context: Context, nodes: [RouteNode<Context>]) throws -> HTTPResponse {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true)
        var parameters = RouteParameters()
        guard let handlers = match(segments[...], node: 0, nodes: nodes, path: request.path, parameters: &parameters) else {
            throw HTTPError(.notFound)
        }
        guard let handler = handlers[request.method] ?? (request.method == .HEAD ? handlers[.GET] : nil) else {
            var allowed = Set(handlers.keys)
            if allowed.contains(.GET) { allowed.insert(.HEAD) }
            throw MethodNotAllowed(allowed: allowed)
        }
        var context = context
        context.parameters = parameters
        return try handler(request, context)
    }

    /// Depth-first match: literal child, then parameter child, then a prefix route at this node.
    private static func match(
        _ segments: ArraySlice<Substring>, node index: Int, nodes: [RouteNode<Context>], path: String, parameters: inout RouteParameters
    ) -> [HTTPMethod: RouteHandler<Context>]? {
        let node = nodes[index]
        guard let segment = segments.first else {
            if !node.handlers.isEmpty { return node.handlers }
            return prefix(node, rest: "", parameters: &parameters)
        }
        if let next = node.literals[String(segment)],
           let found = match(segments.dropFirst(), node: next, nodes: nodes, path: path, parameters: &parameters) {
            return found
        }
        if let (name, next) = node.parameter {
            parameters.append(name, String(segment))
            if let found = match(segments.dropFirst(), node: next, nodes: nodes, path: path, parameters: &parameters) { return found }
            parameters.removeLast()
        }
        let rest = path[segment.startIndex...]
        return prefix(node, rest: String(rest), parameters: &parameters)
    }

    private static func prefix(
        _ node: RouteNode<Context>, rest: String, parameters: inout RouteParameters
    ) -> [HTTPMethod: RouteHandler<Context>]? {
        guard !node.prefixHandlers.isEmpty else { return nil }
        parameters.append("*", rest)
        return node.prefixHandlers
    }
}
