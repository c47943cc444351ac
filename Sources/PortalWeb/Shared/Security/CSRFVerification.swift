import PortalHTTP

/// Verifies the anti-forgery token (`_csrf`) of an unsafe request before its route runs: a forged or
/// stale form never reaches a handler.
///
/// ``SiteRoutes`` puts it around every POST, PUT, PATCH and DELETE route except the few listed as
/// carrying their own authentication. A route that shows its form again with the answers kept and a
/// French message (sign-up, log-in, the household's forms…) is registered with `keepsAnswersWhenStale`:
/// its handler then runs with ``RequestContext/formIsStale`` set and must only render; any other route
/// answers the 403 "Formulaire expiré" page.
struct CSRFVerification: RouterMiddleware {
    /// The handler renders the form again itself when the token is stale.
    let keepsAnswersWhenStale: Bool

    func handle(_ request: HTTPRequest, context: RequestContext, next: RouteHandler<RequestContext>) throws -> HTTPResponse {
        var context = context
        let form = try request.postedForm()
        context.decodedForm = form
        if context.hasValidCSRFToken(form[CSRFProtection.fieldName]) { return try next(request, context) }
        guard keepsAnswersWhenStale else { throw StaleForm() }
        context.formIsStale = true
        return try next(request, context)
    }

    /// Methods that change something, and so need a token.
    static func protects(_ method: HTTPMethod) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(method)
    }
}

/// A posted form's anti-forgery token is missing or stale.
struct StaleForm: HTTPResponseError {
    var status: HTTPStatus { .forbidden }
}
