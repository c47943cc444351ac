import Foundation
import PortalCore

/// How the web application is set up, independent of the socket it listens on.
public struct WebConfiguration: Sendable {
    /// The folder holding `templates/` and `static/`.
    public var resourcesDirectory: URL
    /// Mark cookies `Secure` (set when the portal is served over HTTPS behind a proxy).
    public var secureCookies: Bool
    /// The portal's address as people reach it, for links in e-mails (`https://demarches.cctoval.fr`).
    public var publicURL: String
    /// The clock, injectable for tests.
    public var now: @Sendable () -> Date
    /// Who takes card payments: the built-in simulator (the default) or PayFiP.
    public var payment: PaymentProviderSetting

    public init(
        resourcesDirectory: URL, secureCookies: Bool = false, publicURL: String = "http://127.0.0.1:8080",
        now: @escaping @Sendable () -> Date = { Date() }, payment: PaymentProviderSetting = .simulator(.immediate)
    ) {
        self.resourcesDirectory = resourcesDirectory
        self.secureCookies = secureCookies
        self.publicURL = publicURL
        self.now = now
        self.payment = payment
    }
}

/// Who takes the invoices' card payments.
public enum PaymentProviderSetting: Sendable {
    /// The built-in PayFiP simulator at `/payfip-sim/`, notifying as told.
    case simulator(PayFiPSimulator.Callback)
    /// The DGFiP's PayFiP: its SOAP service and its payment page (to which the operation id is appended).
    case payfip(endpoint: URL, paymentPage: String)
}
