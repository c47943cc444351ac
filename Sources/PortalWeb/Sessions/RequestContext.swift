import PortalCore
import PortalHTTP

/// What the portal knows about one request once its cookies are read: who is asking,
/// which commune they chose, and the anti-forgery token for the forms on the page.
struct RequestContext {
    let request: HTTPRequest
    /// The logged-in account, if the session cookie names a live session.
    let account: Account?
    /// The raw session token from the cookie, when it names a live session.
    let sessionToken: String?
    /// The value this browser's form tokens are bound to.
    let csrfBinding: String
    /// The token to put in the forms of this page.
    let csrfToken: String
    /// The commune the information is shown for, by INSEE code.
    let communeInsee: String?
    /// Cookies to set on the response (a new anonymous binding, a changed commune choice).
    var cookiesToSet: [SetCookie]

    /// The form token the browser sent back is valid for this browser.
    func hasValidCSRFToken(_ form: URLEncodedForm, protection: CSRFProtection) -> Bool {
        protection.isValid(form[CSRFProtection.fieldName], binding: csrfBinding)
    }
}
