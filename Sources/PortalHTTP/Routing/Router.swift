/// An immutable routing table built by ``RouterBuilder``.
///
/// HEAD requests use the GET handler (the server drops the body). A path that matches with another
/// method answers 405 with `Allow`; no match answers the error responder's 404.
public struct Router: HTTPResponder {
    private let nodes: [RouteNode]
    private let errorResponder: @Sendable (HTTPRequest, any Error) -> HTTPResponse

    init(nodes: [RouteNode], errorResponder: @escaping @Sendable (HTTPRequest, any Error) -> HTTPResponse) {
        self.nodes = nodes
        self.errorResponder = errorResponder
    }

    /// Routes `request` and runs its handler.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true)
        var parameters = RouteParameters()
        guard let handlers = match(segments[...], node: 0, path: request.path, parameters: &parameters) else {
            return errorResponder(request, HTTPError(.notFound))
        }
        guard let handler = handlers[request.method] ?? (request.method == .HEAD ? handlers[.GET] : nil) else {
            var response = errorResponder(request, HTTPError(.methodNotAllowed))
            var allowed = Set(handlers.keys)
            if allowed.contains(.GET) { allowed.insert(.HEAD) }
            response.headers["Allow"] = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            return response
        }
        do {
            return try handler(request, parameters)
        } catch {
            return errorResponder(request, error)
        }
    }

    /// Depth-first match: literal child, then parameter child, then a prefix route at this node.
    private func match(
        _ segments: ArraySlice<Substring>, node index: Int, path: String, parameters: inout RouteParameters
    ) -> [HTTPMethod: RouteHandler]? {
        let node = nodes[index]
        guard let segment = segments.first else {
            if !node.handlers.isEmpty { return node.handlers }
            return prefix(node, rest: "", parameters: &parameters)
        }
        if let next = node.literals[String(segment)],
           let found = match(segments.dropFirst(), node: next, path: path, parameters: &parameters) {
            return found
        }
        if let (name, next) = node.parameter {
            parameters.append(name, String(segment))
            if let found = match(segments.dropFirst(), node: next, path: path, parameters: &parameters) { return found }
            parameters.removeLast()
        }
        let rest = path[segment.startIndex...]
        return prefix(node, rest: String(rest), parameters: &parameters)
    }

    private func prefix(_ node: RouteNode, rest: String, parameters: inout RouteParameters) -> [HTTPMethod: RouteHandler]? {
        guard !node.prefixHandlers.isEmpty else { return nil }
        parameters.append("*", rest)
        return node.prefixHandlers
    }
}
