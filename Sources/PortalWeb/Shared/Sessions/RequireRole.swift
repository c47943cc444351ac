import PortalCore
import PortalHTTP

/// Lets through only the accounts whose role lives in `space`; any other logged-in account gets the
/// "Accès réservé" page, with a link to its own space, under status 404 — as for a page that does not
/// exist, so nothing is learnt about what lies behind the address. Runs after ``RequireLogin``.
struct RequireRole: RouterMiddleware {
    let space: Space

    func handle(_ request: HTTPRequest, context: RequestContext, next: RouteHandler<RequestContext>) throws -> HTTPResponse {
        guard let account = context.account, !account.role.mayEnter(space) else { return try next(request, context) }
        throw ReservedSpace(space: space, home: account.role.home)
    }
}

/// An account opened another role's space.
struct ReservedSpace: HTTPResponseError {
    /// The space asked for.
    let space: Space
    /// The account's own space.
    let home: Space

    var status: HTTPStatus { .notFound }
}
