import Foundation
import PortalCore
import PortalHTTP

/// The invoices' online payment as the web layer uses it: the configured provider (PayFiP or
/// its simulator) and the portal's own return addresses.
struct PaymentGateway: Sendable {
    let invoices: Invoices
    let provider: any PaymentProvider
    let returnURLs: Invoices.ReturnURLs
    /// The cookies that go with sending the payer to an operation's page (see ``PaymentSetup``).
    let payerCookies: @Sendable (_ operationId: String) -> [SetCookie]

    /// The paths the provider calls back: the server-to-server notification and the payer's return.
    static let notificationPath = "/paiement/payfip/notification"
    static let returnPath = "/paiement/payfip/retour"

    init(invoices: Invoices, provider: any PaymentProvider, links: SiteMap,
         payerCookies: @escaping @Sendable (_ operationId: String) -> [SetCookie]) {
        self.invoices = invoices
        self.provider = provider
        self.payerCookies = payerCookies
        returnURLs = Invoices.ReturnURLs(notification: links.base + Self.notificationPath, redirect: links.base + Self.returnPath)
    }

    /// The provider's page for paying what remains of invoice `id`, and the cookies to set on
    /// the way there.
    func start(_ id: Int64, actor: Account?, now: Date) throws -> (pageURL: String, cookies: [SetCookie]) {
        let start = try invoices.startOnlinePayment(id, actor: actor, provider: provider, returnURLs: returnURLs, now: now)
        return (start.pageURL, payerCookies(start.operationId))
    }

    /// The payment of operation `operationId` after asking the provider.
    func confirm(_ operationId: String, now: Date) throws -> Payment {
        try invoices.confirmOnlinePayment(operationId: operationId, provider: provider, now: now)
    }
}
