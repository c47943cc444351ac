import Foundation
import PortalCore
import PortalHTTP
import PortalPayFiP

/// The built-in PayFiP simulator's side of the web: its payment page, where the payer pays,
/// refuses or gives up, and its SOAP service, which speaks PayFiP's protocol so that the real
/// client can be tried against it. Present only when the simulator is the provider.
struct PayFiPSimulatorHandlers: Sendable {
    let simulator: PayFiPSimulator
    let pages: PageRenderer

    static let soapPath = "/payfip-sim/services/securite"

    struct PageView {
        let layout: LayoutContext
        let operationId: String
        let amount: String
        let object: String
        let reference: String
        let clientNumber: String
        let mode: String
        let email: String
        let choices: [Choice]

        struct Choice {
            let value: String
            let label: String
            let primary: Bool
        }
    }

    /// `GET /payfip-sim/paiement?idop=…`.
    func page(_ context: RequestContext) throws -> HTTPResponse {
        guard let operationId = context.request.queryValue("idop"), let operation = try simulator.openOperation(operationId) else {
            return unknownOperation(context)
        }
        let order = operation.order
        let view = PageView(
            layout: pages.layout("Simulateur de paiement PayFiP", context), operationId: operationId,
            amount: Euros.format(order.montant), object: order.objet, reference: order.refdet, clientNumber: order.numcli,
            mode: Self.modeName(order.saisie),
            email: order.mel,
            choices: [
                .init(value: PayFiPSimulator.Choice.pay.rawValue, label: "Payer", primary: true),
                .init(value: PayFiPSimulator.Choice.refuse.rawValue, label: "Refuser (paiement refusé par la banque)", primary: false),
                .init(value: PayFiPSimulator.Choice.abandon.rawValue, label: "Abandonner", primary: false),
            ])
        return pages.page("payfip-sim/page", view, context)
    }

    /// `POST /payfip-sim/paiement`: `idop` and `choix`; back to the portal's return address.
    func finish(_ context: RequestContext) throws -> HTTPResponse {
        let form = try context.request.urlEncodedForm()
        guard let operationId = form.fields.first(where: { $0.name == "idop" })?.value,
              let choice = form.fields.first(where: { $0.name == "choix" }).flatMap({ PayFiPSimulator.Choice(rawValue: $0.value) })
        else { return .text("idop et choix attendus", status: .badRequest) }
        guard let back = try simulator.finish(operationId, choice: choice) else { return unknownOperation(context) }
        return pages.redirect(to: back, context)
    }

    /// `POST /payfip-sim/services/securite`: `creerPaiementSecurise` and `recupererDetailPaiementSecurise`.
    func soap(_ request: HTTPRequest) -> HTTPResponse {
        let answer: String
        var status = HTTPStatus.ok
        do {
            switch try PayFiPSOAP.read(Data(request.body)) {
            case .createPayment(let order):
                answer = PayFiPSOAP.createdResponse(operationId: try simulator.createPayment(order))
            case .details(let operationId):
                answer = PayFiPSOAP.transactionResponse(try simulator.details(operationId: operationId))
            default:
                throw PaymentProviderError.refused(code: "T1", label: "Opération inconnue")
            }
        } catch PaymentProviderError.inProgress {
            (answer, status) = (PayFiPSOAP.fault(code: "P5", label: "Transaction en cours"), .internalServerError)
        } catch PaymentProviderError.refused(let code, let label) {
            (answer, status) = (PayFiPSOAP.fault(code: code, label: label), .internalServerError)
        } catch {
            (answer, status) = (PayFiPSOAP.fault(code: "T1", label: "Requête illisible : \(error)"), .internalServerError)
        }
        var response = HTTPResponse(status: status, body: Array(answer.utf8))
        response.headers["Content-Type"] = "text/xml; charset=utf-8"
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    private static func modeName(_ mode: PayFiPMode) -> String {
        switch mode {
        case .test: "test"
        case .activation: "activation"
        case .production: "production"
        }
    }

    private func unknownOperation(_ context: RequestContext) -> HTTPResponse {
        struct View { let layout: LayoutContext }
        return pages.page("payfip-sim/unknown", View(layout: pages.layout("Opération inconnue ou expirée", context)), context,
                          status: .notFound)
    }
}
