import Foundation
import PortalCore
import PortalHTTP

/// Builds the ``RequestContext`` of a request from its cookies and query, once per request.
///
/// The anonymous anti-forgery cookie is only issued where a form needs it (sign-up, log-in:
/// ``RequestContext/issuingFormBinding()``); other pages seen without an account carry nothing
/// specific to the visitor, which is what lets ``PageCache`` share them.
struct RequestContextFactory: Sendable {
    let accounts: Accounts
    let catalogue: Catalogue
    let csrf: CSRFProtection
    let cookies: PortalCookies
    let now: @Sendable () -> Date

    /// The context of `request`: its session's account, its anti-forgery binding, its commune.
    func context(for request: HTTPRequest) -> RequestContext {
        let received = request.headers["Cookie"].map(Cookies.parse) ?? [:]
        var toSet: [SetCookie] = []

        var account: Account?
        var sessionToken: String?
        var sessionFailure: String?
        if let token = received[cookies.session] {
            do {
                if let found = try accounts.session(token: token, now: now()) {
                    account = found
                    sessionToken = token
                }
            } catch {
                // Not a logged-out visitor: the page answers an incident (``SessionCheck``).
                sessionFailure = String(reflecting: error)
            }
        }

        var binding: String?
        if let sessionToken {
            binding = sessionToken
        } else if let existing = received[cookies.anonymousCSRF], Base64URL.decode(existing)?.count == 32 {
            binding = existing
        }

        var commune: String?
        if let chosen = request.queryValue("commune") {
            if catalogue.commune(insee: chosen) != nil {
                commune = chosen
                if received[cookies.commune] != chosen {
                    toSet.append(cookies.make(cookies.commune, chosen, maxAge: 365 * 24 * 3600))
                }
            }
        }
        if commune == nil, let remembered = received[cookies.commune], catalogue.commune(insee: remembered) != nil {
            commune = remembered
        }
        if commune == nil, let own = account?.communeInsee {
            commune = own
        }

        return RequestContext(
            request: request,
            account: account,
            sessionToken: sessionToken,
            csrfBinding: binding,
            csrf: csrf,
            cookies: cookies,
            sessionFailure: sessionFailure,
            communeInsee: commune,
            today: CalendarDay(now()),
            cookiesToSet: toSet
        )
    }
}
