import PortalHTTP

/// Answers an incident when the request's session could not be looked up (the database failed), rather
/// than serving the page as to a logged-out visitor. Runs inside ``ErrorPages``, which logs it.
struct SessionCheck: RouterMiddleware {
    func handle(_ request: HTTPRequest, context: RequestContext, next: RouteHandler<RequestContext>) throws -> HTTPResponse {
        if let failure = context.sessionFailure { throw SessionLookupFailed(underlying: failure) }
        return try next(request, context)
    }
}

/// The session store failed; `underlying` describes the error.
struct SessionLookupFailed: Error, CustomDebugStringConvertible {
    let underlying: String

    var debugDescription: String { "session lookup failed: \(underlying)" }
}
