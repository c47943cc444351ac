import Foundation
import PortalCore
import PortalPayFiP

/// The payment provider the configuration asks for, with what goes with it: the simulator's
/// pages when it is the simulator, the provider's origin for the forms' security policy when
/// it is PayFiP.
struct PaymentSetup {
    let provider: any PaymentProvider
    /// Present when the built-in simulator takes the payments.
    let simulator: PayFiPSimulator?
    /// Origins a form submission may lead to, besides the portal.
    let formTargets: [String]

    init(_ configuration: WebConfiguration, database: PortalDatabase) {
        switch configuration.payment {
        case .simulator(let callback):
            let sender = PayFiPNotificationSender()
            let simulator = PayFiPSimulator(database: database, publicURL: configuration.publicURL, callback: callback,
                                            send: sender.send, now: configuration.now)
            (provider, self.simulator, formTargets) = (simulator, simulator, [])
        case .payfip(let endpoint, let paymentPage):
            let origin = URL(string: paymentPage).flatMap { url in url.scheme.flatMap { scheme in url.host.map { "\(scheme)://\($0)" } } }
            (provider, simulator, formTargets) = (PayFiPWebService(endpoint: endpoint, paymentPage: paymentPage), nil,
                                                  origin.map { [$0] } ?? [])
        }
    }
}
