import PortalCore
import PortalHTTP

/// Registers the pages of the signed-in spaces, each reachable by its own role only.
///
/// A page's space is read from its path — `/mon-espace…` residents, `/agent…` agents, `/guichet…` France
/// Services advisers, `/admin…` administrators — and only accounts whose role lives there reach its
/// handler: a logged-out visitor logs in first (then comes back after a GET, or goes to `fallback` after a
/// POST), any other account gets 404 as for a page that does not exist. So no handler of a space ever sees
/// another role's account, and a page added to a space is closed to the others without a check of its own.
struct SpaceRoutes: Sendable {
    /// Registers `handler` for `method` and `pattern`, which must lie in a space.
    ///
    /// - Parameter fallback: where a POST without a session goes after logging in (the space's home by default).
    func add(
        _ method: HTTPMethod, _ pattern: String, to routes: inout RouterBuilder<RequestContext>, fallback: String? = nil,
        _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse
    ) {
        guard let space = Space(path: pattern) else { preconditionFailure("\(pattern) lies in no signed-in space") }
        let back = fallback ?? space.path
        routes.add(method, pattern) { request, context in
            guard let account = context.account else {
                return HTTPResponse.redirect(to: "/connexion?next=\(method == .GET ? request.path : back)")
            }
            guard account.role.mayEnter(space) else { throw PageNotFound() }
            return try handler(context, context.parameters)
        }
    }
}

extension Space {
    /// The space a path lies in, by its first segment; nil for the public pages.
    init?(path: String) {
        let first = path.split(separator: "/", maxSplits: 1).first.map { "/\($0)" }
        guard let space = Space.allCases.first(where: { $0.path == first }) else { return nil }
        self = space
    }
}
