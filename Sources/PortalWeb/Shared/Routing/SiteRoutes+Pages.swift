import PortalCore
import PortalHTTP

/// A page's handler: the request's context, and the matched route's parameters.
typealias PageHandler = @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse

/// The kinds of page the portal registers, each with what it needs around it.
extension SiteRoutes {
    /// A page working from the request's context.
    mutating func page(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping PageHandler) {
        add(method, pattern) { _, context in try handler(context, context.parameters) }
    }

    /// A page showing a form that may be posted without an account (sign-up, log-in, activation): it issues
    /// the anonymous anti-forgery cookie when the visitor has none, and shows its form again with the answers
    /// kept when the token is stale.
    mutating func formPage(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping PageHandler) {
        add(method, pattern, keepsAnswersWhenStale: true) { _, context in try handler(context.issuingFormBinding(), context.parameters) }
    }

    /// An information page whose anonymous renderings `cache` shares.
    mutating func publicPage(_ pattern: String, cache: PageCache, _ handler: @escaping PageHandler) {
        add(.GET, pattern) { _, context in try cache.response(for: context) { try handler(context, context.parameters) } }
    }

    /// A page of a signed-in space, reachable by its own role only.
    ///
    /// The space is read from the path — `/mon-espace…` residents, `/agent…` agents, `/guichet…` France
    /// Services advisers, `/admin…` administrators — and the route gets ``RequireLogin`` then ``RequireRole``:
    /// a logged-out visitor logs in first and comes back, any other account gets the "Accès réservé" page
    /// (status 404). So no handler of a space ever sees another role's account, and a page added to a space
    /// is closed to the others without a check of its own.
    ///
    /// - Parameters:
    ///   - fallback: where a POST without a session goes after logging in (the space's home by default).
    ///   - keepsAnswersWhenStale: see ``add(_:_:middleware:keepsAnswersWhenStale:_:)``.
    mutating func spacePage(
        _ method: HTTPMethod, _ pattern: String, fallback: String? = nil, keepsAnswersWhenStale: Bool = false,
        _ handler: @escaping PageHandler
    ) {
        guard let space = Space(path: pattern) else { preconditionFailure("\(pattern) lies in no signed-in space") }
        add(method, pattern, middleware: [RequireLogin(fallback: fallback ?? space.path), RequireRole(space: space)],
            keepsAnswersWhenStale: keepsAnswersWhenStale) { _, context in try handler(context, context.parameters) }
    }

    /// A page of a signed-in space about the object `{id}` of its path (404 when it is not a number).
    mutating func objectPage(
        _ method: HTTPMethod, _ pattern: String, keepsAnswersWhenStale: Bool = false,
        _ handler: @escaping @Sendable (RequestContext, Int64, RouteParameters) throws -> HTTPResponse
    ) {
        spacePage(method, pattern, keepsAnswersWhenStale: keepsAnswersWhenStale) { context, parameters in
            try handler(context, try parameters.id("id"), parameters)
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
