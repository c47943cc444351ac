import PortalHTTP

/// The headers every response carries.
///
/// The Content-Security-Policy allows scripts, styles and images from this origin only:
/// no inline script, no framing, forms posted only here — and to the payment provider's origin
/// when it is elsewhere, since paying an invoice posts to the portal, which redirects there.
struct SecurityHeaders: Sendable {
    let contentSecurityPolicy: String

    /// - Parameter formTargets: origins besides this one that a form submission may lead to
    ///   (`https://www.payfip.gouv.fr`).
    init(formTargets: [String] = []) {
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

    func apply(to headers: inout HTTPHeaders) {
        headers["Content-Security-Policy"] = contentSecurityPolicy
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "same-origin"
        headers["X-Frame-Options"] = "DENY"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()"
    }
}
