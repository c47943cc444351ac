import PortalHTTP

/// The cookies the portal sets, all strictly necessary (listed on the personal-data page): their names
/// and attributes.
///
/// Served over HTTPS (a public address in `https://`), every cookie is `Secure` and its name carries the
/// `__Host-` prefix, which browsers accept only from a secure origin, for the whole site and without a
/// `Domain`: neither a plain-HTTP page nor a neighbouring subdomain can set or shadow them.
struct PortalCookies: Sendable {
    /// The log-in session token (only its hash is stored on the server).
    let session: String
    /// The random value anonymous forms' anti-forgery tokens are bound to.
    let anonymousCSRF: String
    /// The commune the visitor chose, by INSEE code.
    let commune: String
    /// Whether cookies are `Secure` (and prefixed).
    let secure: Bool

    /// - Parameter secure: the portal is reached over HTTPS.
    init(secure: Bool) {
        let prefix = secure ? "__Host-" : ""
        session = prefix + "portail_session"
        anonymousCSRF = prefix + "portail_csrf"
        commune = prefix + "portail_commune"
        self.secure = secure
    }

    /// A cookie with the portal's attributes: whole site, HttpOnly, SameSite=Lax, Secure over HTTPS.
    func make(_ name: String, _ value: String, maxAge: Int?) -> SetCookie {
        SetCookie(name: name, value: value, path: "/", maxAge: maxAge, httpOnly: true, secure: secure, sameSite: .lax)
    }

    /// The session cookie carrying `token` (an empty token with `maxAge` 0 removes it).
    func session(token: String, maxAge: Int?) -> SetCookie {
        make(session, token, maxAge: maxAge)
    }
}
