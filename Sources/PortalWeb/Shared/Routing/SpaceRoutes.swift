import PortalCore
import PortalHTTP

/// Registers the pages of the signed-in spaces, each reachable by its own role only.
///
/// A page's space is read from its path — `/mon-espace…` residents, `/agent…` agents, `/guichet…` France
/// Services advisers, `/admin…` administrators — and its route gets ``RequireLogin`` then
/// ``RequireRole`` for that space: a logged-out visitor logs in first and comes back, any other account
/// gets the "Accès réservé" page (status 404). So no handler of a space ever sees another role's account,
/// and a page added to a space is closed to the others without a check of its own.
struct SpaceRoutes: Sendable {
    /// Registers `handler` for `method` and `pattern`, which must lie in a space.
    ///
    /// - Parameters:
    ///   - fallback: where a POST without a session goes after logging in (the space's home by default).
    ///   - keepsAnswersWhenStale: see ``SiteRoutes/add(_:_:middleware:keepsAnswersWhenStale:_:)``.
    func add(
        _ method: HTTPMethod, _ pattern: String, to routes: inout SiteRoutes, fallback: String? = nil,
        keepsAnswersWhenStale: Bool = false, _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse
    ) {
        guard let space = Space(path: pattern) else { preconditionFailure("\(pattern) lies in no signed-in space") }
        routes.add(method, pattern, middleware: [RequireLogin(fallback: fallback ?? space.path), RequireRole(space: space)],
                   keepsAnswersWhenStale: keepsAnswersWhenStale) { _, context in try handler(context, context.parameters) }
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
