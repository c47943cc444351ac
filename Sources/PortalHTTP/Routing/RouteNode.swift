/// One path segment position in the routing tree. Nodes live in an array and point to each other by index.
struct RouteNode<Context: RouterContext>: Sendable {
    /// Children by literal segment.
    var literals: [String: Int] = [:]
    /// The child matching any single segment, with the parameter name.
    var parameter: (name: String, node: Int)?
    /// Handlers of routes ending here, by method.
    var handlers: [HTTPMethod: RouteHandler<Context>] = [:]
    /// Handlers of prefix routes (`…/*`) rooted here, by method.
    var prefixHandlers: [HTTPMethod: RouteHandler<Context>] = [:]
}
