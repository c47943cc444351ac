import Foundation
import PortalCore

/// How the web application is set up, independent of the socket it listens on.
public struct WebConfiguration: Sendable {
    /// The folder holding `templates/` and `static/`.
    public var resourcesDirectory: URL
    /// The portal's address as people reach it, for links in e-mails (`https://demarches.cctoval.fr`).
    /// In `https://`, cookies are `Secure` and `__Host-` prefixed and responses ask for HTTPS from then on
    /// (`Strict-Transport-Security`), as behind a TLS proxy.
    public var publicURL: String
    /// The clock, injectable for tests.
    public var now: @Sendable () -> Date
    /// Who takes card payments: the built-in simulator (the default) or PayFiP.
    public var payment: PaymentProviderSetting
    /// Told of each rendering (template, view, HTML): the tests compare it with swift-mustache's.
    var renderingObserver: (@Sendable (_ template: String, _ view: Any, _ html: String) -> Void)?

    public init(
        resourcesDirectory: URL, publicURL: String = "http://127.0.0.1:8080",
        now: @escaping @Sendable () -> Date = { Date() }, payment: PaymentProviderSetting = .simulator(.immediate)
    ) {
        self.resourcesDirectory = resourcesDirectory
        self.publicURL = publicURL
        self.now = now
        self.payment = payment
    }
}

extension WebConfiguration {
    /// The addresses links are built to, from the public address.
    var siteMap: SiteMap { SiteMap(publicURL: publicURL) }

    /// Whether people reach the portal over HTTPS, from its public address.
    var isServedOverHTTPS: Bool {
        publicURL.lowercased().hasPrefix("https://")
    }
}

/// Who takes the invoices' card payments.
public enum PaymentProviderSetting: Sendable {
    /// The built-in PayFiP simulator at `/payfip-sim/`, notifying as told.
    case simulator(PayFiPSimulator.Callback)
    /// The DGFiP's PayFiP: its SOAP service and its payment page (to which the operation id is appended).
    case payfip(endpoint: URL, paymentPage: String)
}
