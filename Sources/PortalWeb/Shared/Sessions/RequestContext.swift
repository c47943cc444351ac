import PortalCore
import PortalHTTP

/// What the portal knows about one request once its cookies are read: who is asking,
/// which commune they chose, and what the anti-forgery tokens of its forms are bound to.
/// Built once per request by ``RequestContextFactory``, before any middleware.
struct RequestContext: RouterContext {
    let request: HTTPRequest
    /// The matched route's parameters.
    var parameters = RouteParameters()
    /// The posted form's anti-forgery token was missing or stale, on a route that shows its form again with
    /// the answers kept (``CSRFVerification``): the handler must only render, with the stale-form message.
    var formIsStale = false
    /// The posted form, once ``CSRFVerification`` has read it for its token: handlers read it through
    /// ``postedForm()`` rather than decoding the body again.
    var decodedForm: PostedForm?
    /// The account the use cases act as: the logged-in one, if the session cookie names a live
    /// session — or, at a France Services counter, the resident the adviser acts for (``acting(as:)``).
    private(set) var account: Account?
    /// The raw session token from the cookie, when it names a live session.
    let sessionToken: String?
    /// The value this browser's form tokens are bound to: the session token, else the anonymous
    /// cookie. Nil for an anonymous visitor without that cookie on a page that shows no form
    /// (the cookie is only issued with a form, see ``RequestContextFactory``).
    private(set) var csrfBinding: String?
    /// Issues the tokens.
    let csrf: CSRFProtection
    /// The portal's cookies' names and attributes.
    let cookies: PortalCookies
    /// Why the session cookie's session could not be looked up (the database failed), if it could not.
    let sessionFailure: String?
    /// The commune the information is shown for, by INSEE code.
    let communeInsee: String?
    /// The day the request was received, in France: what "today" means on its page.
    let today: CalendarDay
    /// Cookies to set on the response (a new anonymous binding, a changed commune choice).
    var cookiesToSet: [SetCookie]
    /// At a France Services counter, the adviser logged in while `account` is the resident they act for.
    private(set) var adviserAtCounter: Account? = nil

    /// The same request with a new anonymous anti-forgery binding, issued as a cookie, when it has none:
    /// the page shows (or may show again) a form posted without an account.
    func issuingFormBinding() -> RequestContext {
        guard csrfBinding == nil else { return self }
        var context = self
        let fresh = CSRFProtection.newAnonymousBinding()
        context.csrfBinding = fresh
        context.cookiesToSet.append(cookies.make(cookies.anonymousCSRF, fresh, maxAge: nil))
        return context
    }

    /// The person logged in, whom the page's header names.
    var loggedIn: Account? { adviserAtCounter ?? account }

    /// The same request with the use cases acting as `resident`, the account
    /// ``FranceServices/actingAccount(for:family:adviser:now:)`` gave the adviser logged in; the
    /// anti-forgery tokens stay bound to the adviser's session.
    func acting(as resident: Account) -> RequestContext {
        var context = self
        context.adviserAtCounter = account
        context.account = resident
        return context
    }

    /// The token to put in the forms of this page (computed on use: an HMAC), empty without a binding.
    var csrfToken: String {
        csrfBinding.map(csrf.token(binding:)) ?? ""
    }

    /// The form token the browser sent back (the `_csrf` field) is valid for this browser.
    func hasValidCSRFToken(_ submitted: String?) -> Bool {
        csrf.isValid(submitted, binding: csrfBinding)
    }

    /// The posted form (urlencoded, or multipart with its files): the one already decoded for the
    /// anti-forgery check, else decoded now. 415 for another encoding, 400 when malformed, 413 too large.
    func postedForm() throws -> PostedForm {
        try decodedForm ?? request.postedForm()
    }
}
