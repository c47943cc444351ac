import PortalCore
import PortalHTTP

/// What the portal knows about one request once its cookies are read: who is asking,
/// which commune they chose, and what the anti-forgery tokens of its forms are bound to.
struct RequestContext {
    let request: HTTPRequest
    /// The logged-in account, if the session cookie names a live session.
    let account: Account?
    /// The raw session token from the cookie, when it names a live session.
    let sessionToken: String?
    /// The value this browser's form tokens are bound to: the session token, else the anonymous
    /// cookie. Nil for an anonymous visitor without that cookie on a page that shows no form
    /// (the cookie is only issued with a form, see ``RequestContextFactory``).
    let csrfBinding: String?
    /// Issues the tokens.
    let csrf: CSRFProtection
    /// The commune the information is shown for, by INSEE code.
    let communeInsee: String?
    /// Cookies to set on the response (a new anonymous binding, a changed commune choice).
    var cookiesToSet: [SetCookie]

    /// The token to put in the forms of this page (computed on use: an HMAC), empty without a binding.
    var csrfToken: String {
        csrfBinding.map(csrf.token(binding:)) ?? ""
    }

    /// The form token the browser sent back (the `_csrf` field) is valid for this browser.
    func hasValidCSRFToken(_ submitted: String?) -> Bool {
        csrf.isValid(submitted, binding: csrfBinding)
    }
}
