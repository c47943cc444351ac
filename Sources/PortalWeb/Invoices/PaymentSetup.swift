import Foundation
import PortalCore
import PortalHTTP
import PortalPayFiP

/// The payment provider the configuration asks for, with what goes with it: the simulator's
/// pages and SOAP service when it is the simulator, the provider's origin for the forms'
/// security policy when it is PayFiP.
struct PaymentSetup {
    let provider: any PaymentProvider
    /// Present when the built-in simulator takes the payments.
    let simulator: PayFiPSimulator?
    /// The simulator's SOAP service, with the key it asks of its callers: drawn here, at each
    /// start, and kept in memory only.
    let simulatorSOAPService: PayFiPSimulatorSOAPService?
    /// The cookies to set when sending a payer to the provider's page of an operation: with the
    /// simulator, the operation's payer token; with PayFiP, none.
    let payerCookies: @Sendable (_ operationId: String) -> [SetCookie]
    /// Origins a form submission may lead to, besides the portal.
    let formTargets: [String]

    init(_ configuration: WebConfiguration, database: PortalDatabase) throws {
        switch configuration.payment {
        case .simulator(let callback):
            let sender = PayFiPNotificationSender()
            let simulator = try PayFiPSimulator(database: database, links: configuration.siteMap, callback: callback,
                                                send: sender.send, now: configuration.now)
            let secure = configuration.isServedOverHTTPS
            (provider, self.simulator, formTargets) = (simulator, simulator, [])
            simulatorSOAPService = PayFiPSimulatorSOAPService(simulator: simulator, key: RandomToken.make())
            payerCookies = { [PayFiPSimulatorController.payerCookie($0, simulator: simulator, secure: secure)] }
        case .payfip(let endpoint, let paymentPage):
            let origin = URL(string: paymentPage).flatMap { url in url.scheme.flatMap { scheme in url.host.map { "\(scheme)://\($0)" } } }
            (provider, simulator, simulatorSOAPService, formTargets) = (PayFiPWebService(endpoint: endpoint, paymentPage: paymentPage),
                                                                        nil, nil, origin.map { [$0] } ?? [])
            payerCookies = { _ in [] }
        }
    }
}
