import PortalHTTP

/// The headers every response carries.
///
/// The Content-Security-Policy allows scripts, styles and images from this origin only:
/// no inline script, no framing, forms posted only here — and to the payment provider's origin
/// when it is elsewhere, since paying an invoice posts to the portal, which redirects there.
/// Served over HTTPS, responses also ask browsers to use nothing else for a year (HSTS).
struct SecurityHeaders: RouterMiddleware {
    /// HSTS's duration, in seconds: a year, as browsers' preload lists require.
    static let strictTransportMaxAge = 31_536_000

    let contentSecurityPolicy: String
    let strictTransport: Bool

    /// - Parameters:
    ///   - formTargets: origins besides this one that a form submission may lead to (`https://www.payfip.gouv.fr`).
    ///   - strictTransport: the portal is reached over HTTPS: send `Strict-Transport-Security`.
    init(formTargets: [String] = [], strictTransport: Bool = false) {
        self.strictTransport = strictTransport
        contentSecurityPolicy = [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            (["form-action 'self'"] + formTargets).joined(separator: " "),
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
        ].joined(separator: "; ")
    }

    /// Adds the headers to every response (error pages included: the error mapping runs inside).
    func handle(_ request: HTTPRequest, context: RequestContext, next: RouteHandler<RequestContext>) throws -> HTTPResponse {
        var response = try next(request, context)
        apply(to: &response.headers)
        return response
    }

    func apply(to headers: inout HTTPHeaders) {
        headers["Content-Security-Policy"] = contentSecurityPolicy
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "same-origin"
        headers["X-Frame-Options"] = "DENY"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()"
        if strictTransport {
            headers["Strict-Transport-Security"] = "max-age=\(Self.strictTransportMaxAge)"
        }
    }
}
