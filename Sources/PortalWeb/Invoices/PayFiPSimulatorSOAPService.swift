import Crypto
import Foundation
import PortalCore
import PortalHTTP
import PortalPayFiP

/// The built-in PayFiP simulator's SOAP service, which speaks PayFiP's protocol so that the
/// real client (``PayFiPWebService``) can be tried against it. Present only when the simulator
/// is the provider.
///
/// PayFiP serves every régie; the simulator serves only the portal it is part of. Each request
/// must carry ``key`` in the ``PayFiPWebService/simulatorKeyHeader`` header: the key is drawn at
/// each start and kept in memory, so only code in the portal's process can call the service
/// (the portal itself calls the simulator directly, without SOAP). Anything else is a SOAP fault.
struct PayFiPSimulatorSOAPService: Sendable {
    let simulator: PayFiPSimulator
    /// The key callers must present.
    let key: String

    static let path = "/payfip-sim/services/securite"

    /// `POST /payfip-sim/services/securite`: `creerPaiementSecurise` and `recupererDetailPaiementSecurise`.
    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard hasKey(request) else { return Self.fault("T1", "Accès refusé : ce service ne répond qu'au portail") }
        do {
            switch try PayFiPSOAP.read(Data(request.body)) {
            case .createPayment(let order):
                return Self.answer(PayFiPSOAP.createdResponse(operationId: try simulator.createPayment(order)))
            case .details(let operationId):
                return Self.answer(PayFiPSOAP.transactionResponse(try simulator.details(operationId: operationId)))
            default:
                return Self.fault("T1", "Opération inconnue")
            }
        } catch PaymentProviderError.inProgress {
            return Self.fault("P5", "Transaction en cours")
        } catch PaymentProviderError.refused(let code, let label) {
            return Self.fault(code, label)
        } catch {
            return Self.fault("T1", "Requête illisible : \(error)")
        }
    }

    /// A SOAP fault, with status 500 as SOAP 1.1 has it.
    private static func fault(_ code: String, _ label: String) -> HTTPResponse {
        answer(PayFiPSOAP.fault(code: code, label: label), status: .internalServerError)
    }

    private static func answer(_ envelope: String, status: HTTPStatus = .ok) -> HTTPResponse {
        var response = HTTPResponse(status: status, body: Array(envelope.utf8))
        response.headers["Content-Type"] = "text/xml; charset=utf-8"
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    /// Whether the request carries the key, compared through digests so that timing reveals nothing of it.
    private func hasKey(_ request: HTTPRequest) -> Bool {
        guard let presented = request.headers[PayFiPWebService.simulatorKeyHeader] else { return false }
        return SHA256.hash(data: Data(presented.utf8)) == SHA256.hash(data: Data(key.utf8))
    }
}
