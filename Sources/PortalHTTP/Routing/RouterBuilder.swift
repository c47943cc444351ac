/// Collects routes, then builds an immutable ``Router``.
///
/// Patterns are paths whose segments are literals, `{name}` parameters, or a final `*` that matches
/// the rest of the path (exposed as parameter `*`). Literal segments win over parameters.
public struct RouterBuilder {
    private var nodes = [RouteNode()]

    /// Creates an empty builder.
    public init() {}

    /// Routes GET (and HEAD) requests matching `pattern`.
    public mutating func get(_ pattern: String, _ handler: @escaping RouteHandler) { add(.GET, pattern, handler) }
    /// Routes POST requests matching `pattern`.
    public mutating func post(_ pattern: String, _ handler: @escaping RouteHandler) { add(.POST, pattern, handler) }
    /// Routes PUT requests matching `pattern`.
    public mutating func put(_ pattern: String, _ handler: @escaping RouteHandler) { add(.PUT, pattern, handler) }
    /// Routes DELETE requests matching `pattern`.
    public mutating func delete(_ pattern: String, _ handler: @escaping RouteHandler) { add(.DELETE, pattern, handler) }

    /// Routes `method` requests matching `pattern`; a later route for the same pattern and method replaces the earlier.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping RouteHandler) {
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

    /// The router; `errorResponder` turns thrown errors, unknown paths (a 404 ``HTTPError``) and
    /// wrong methods (a 405 ``HTTPError``, to which the router adds `Allow`) into responses.
    public func build(errorResponder: @escaping @Sendable (HTTPRequest, any Error) -> HTTPResponse) -> Router {
        Router(nodes: nodes, errorResponder: errorResponder)
    }
}
