import Foundation
import PortalCore

/// Posts the simulator's notifications (`idop=…`, form-encoded, as PayFiP does) to the portal's
/// `urlnotif`, on a background queue, after the delay the simulator asks for. A notification
/// that fails is not retried: PayFiP does not either, and the portal re-checks pending payments.
public struct PayFiPNotificationSender: Sendable {
    private let client = BlockingHTTPClient(timeout: 10)
    private let queue = DispatchQueue(label: "payfip-sim.notifications", attributes: .concurrent)

    public init() {}

    public func send(_ notification: PayFiPSimulator.Notification) {
        guard let url = URL(string: notification.url) else { return }
        let body = Data("idop=\(notification.operationId.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")".utf8)
        queue.asyncAfter(deadline: .now() + notification.delay) { [client] in
            _ = try? client.post(url, contentType: "application/x-www-form-urlencoded", body: body)
        }
    }
}
