import Foundation
import PortalCore

/// The DGFiP's PayFiP, reached by SOAP over HTTPS: the provider used when the portal is
/// configured with PayFiP's addresses (`--payfip-endpoint`, `--payfip-page`).
///
/// The same client speaks to the built-in simulator's SOAP service, which answers only callers
/// in the portal's own process: given the simulator's key, the client sends it in the
/// ``simulatorKeyHeader`` header. PayFiP has no such key; without one the header is not sent.
public struct PayFiPWebService: PaymentProvider {
    /// The header carrying the built-in simulator's key.
    public static let simulatorKeyHeader = "X-PayFiP-Simulator-Key"

    /// The SOAP service (`https://www.payfip.gouv.fr/tpa/services/securite`).
    public let endpoint: URL
    /// The payment page, to which the operation id is appended
    /// (`https://www.payfip.gouv.fr/tpa/paiementws.web?idop=`).
    public let paymentPage: String
    private let client: BlockingHTTPClient
    private let headers: [String: String]

    /// - Parameter simulatorKey: the built-in simulator's key, to speak to its SOAP service
    ///   instead of PayFiP's; nil for PayFiP.
    public init(endpoint: URL, paymentPage: String, timeout: TimeInterval = 20, simulatorKey: String? = nil) {
        self.endpoint = endpoint
        self.paymentPage = paymentPage
        self.client = BlockingHTTPClient(timeout: timeout)
        var headers = ["SOAPAction": "\"\""]
        if let simulatorKey { headers[Self.simulatorKeyHeader] = simulatorKey }
        self.headers = headers
    }

    public func createPayment(_ order: PayFiPOrder) throws(PaymentProviderError) -> String {
        switch try call(PayFiPSOAP.createPaymentRequest(order)) {
        case .created(let operationId): return operationId
        case .fault(let code, let label): throw .refused(code: code, label: label)
        default: throw .unavailable("unexpected answer to creerPaiementSecurise")
        }
    }

    public func paymentPageURL(operationId: String) -> String {
        paymentPage + (operationId.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? operationId)
    }

    public func details(operationId: String) throws(PaymentProviderError) -> PayFiPTransaction {
        switch try call(PayFiPSOAP.detailsRequest(operationId: operationId)) {
        case .transaction(let transaction): return transaction
        // P5: the payer has not finished.
        case .fault(let code, _) where code == "P5": throw .inProgress
        case .fault(let code, let label): throw .refused(code: code, label: label)
        default: throw .unavailable("unexpected answer to recupererDetailPaiementSecurise")
        }
    }

    private func call(_ envelope: String) throws(PaymentProviderError) -> PayFiPSOAP.Message {
        let response: BlockingHTTPClient.Response
        do {
            response = try client.post(endpoint, contentType: "text/xml; charset=utf-8", body: Data(envelope.utf8), headers: headers)
        } catch {
            throw .unavailable("\(endpoint.host ?? "PayFiP"): \(error)")
        }
        // Faults come with status 500; anything else that is not 200 is not PayFiP speaking.
        guard response.status == 200 || response.status == 500 else { throw .unavailable("HTTP status \(response.status)") }
        do {
            return try PayFiPSOAP.read(response.body)
        } catch {
            throw .unavailable("unreadable answer: \(error)")
        }
    }
}
