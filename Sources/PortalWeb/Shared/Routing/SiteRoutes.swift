import PortalHTTP

/// How the portal registers its routes: every route that changes something (POST, PUT, PATCH, DELETE)
/// is wrapped in ``CSRFVerification`` unless it is registered with ``addUnprotected(_:_:because:_:)``,
/// which records why (a server-to-server endpoint carrying its own authentication). A new form's route
/// is protected without anyone remembering to.
struct SiteRoutes {
    private(set) var builder = RouterBuilder<RequestContext>()
    /// The routes registered without anti-forgery verification, with the reason.
    private(set) var unprotected: [RouteDescription: String] = [:]
    /// The routes whose handler shows its form again, answers kept, when the token is stale.
    private(set) var showingStaleForms: Set<RouteDescription> = []

    /// Adds middleware around every request (see ``RouterBuilder/add(middleware:)``).
    mutating func add(middleware: some RouterMiddleware<RequestContext>) {
        builder.add(middleware: middleware)
    }

    /// Routes `method` requests matching `pattern` through `middleware` (the first outermost), then, for a
    /// method that changes something, the anti-forgery verification, then `handler`.
    ///
    /// - Parameter keepsAnswersWhenStale: the handler shows the form again itself when the token is stale
    ///   (``RequestContext/formIsStale``); otherwise a stale token answers the 403 page.
    mutating func add(
        _ method: HTTPMethod, _ pattern: String, middleware: [any RouterMiddleware<RequestContext>] = [],
        keepsAnswersWhenStale: Bool = false, _ handler: @escaping RouteHandler<RequestContext>
    ) {
        let verification: [any RouterMiddleware<RequestContext>] =
            CSRFVerification.protects(method) ? [CSRFVerification(keepsAnswersWhenStale: keepsAnswersWhenStale)] : []
        if keepsAnswersWhenStale, CSRFVerification.protects(method) {
            showingStaleForms.insert(RouteDescription(method: method, pattern: pattern))
        }
        builder.group("", middleware: middleware + verification) { $0.add(method, pattern, handler) }
    }

    /// Routes GET (and HEAD) requests matching `pattern`.
    mutating func get(_ pattern: String, _ handler: @escaping RouteHandler<RequestContext>) {
        add(.GET, pattern, handler)
    }

    /// Routes a request that carries its own authentication instead of a form token (a payment provider's
    /// notification, the simulator's SOAP service); `reason` says which.
    mutating func addUnprotected(
        _ method: HTTPMethod, _ pattern: String, because reason: String, _ handler: @escaping RouteHandler<RequestContext>
    ) {
        unprotected[RouteDescription(method: method, pattern: pattern)] = reason
        builder.add(method, pattern, handler)
    }
}
