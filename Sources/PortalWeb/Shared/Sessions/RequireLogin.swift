import PortalHTTP

/// Sends a logged-out visitor to the log-in page, which brings them back here afterwards: to the whole
/// path and query after a GET (`/connexion?retour=%2Fagent%3Fstatut%3Ddepose`), to `fallback` after a
/// POST (the form's answers cannot be replayed).
struct RequireLogin: RouterMiddleware {
    /// Where a POST without a session goes back to after logging in.
    let fallback: String

    func handle(_ request: HTTPRequest, context: RequestContext, next: RouteHandler<RequestContext>) throws -> HTTPResponse {
        guard context.account == nil else { return try next(request, context) }
        let back = request.method == .GET || request.method == .HEAD ? request.target : fallback
        return .redirect(to: LocalRedirect.logIn(returningTo: LocalRedirect.target(back, default: fallback)))
    }
}
