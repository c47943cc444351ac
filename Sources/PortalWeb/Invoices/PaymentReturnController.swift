import Foundation
import PortalCore
import PortalHTTP

/// Where the payment provider calls the portal back. Neither trusts what it receives: both ask
/// the provider for the operation's details (``PaymentGateway/confirm(_:now:)``). They carry no
/// anti-forgery token (the provider cannot have one) and need no session.
struct PaymentReturnController: Sendable {
    let payments: PaymentGateway
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// `POST /paiement/payfip/notification`: the provider's server-to-server notification,
    /// `idop=…`. Answers 200 once the result is recorded (or still pending), 404 for an
    /// operation the portal never started, 503 when the provider could not be asked.
    func notification(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let operationId = try Self.operationId(in: request) else { return .text("idop manquant", status: .badRequest) }
        do {
            _ = try payments.confirm(operationId, now: now())
            return .text("ok")
        } catch InvoiceError.notFound {
            return .text("opération inconnue", status: .notFound)
        } catch InvoiceError.providerUnavailable {
            return .text("prestataire injoignable", status: .serviceUnavailable)
        }
    }

    /// `GET` or `POST /paiement/payfip/retour?idop=…`: the payer is back; their invoice page
    /// shows the result.
    func payerReturn(_ context: RequestContext) throws -> HTTPResponse {
        guard let operationId = try Self.operationId(in: context.request) else { throw PageNotFound() }
        let payment: Payment
        do {
            payment = try payments.confirm(operationId, now: now())
        } catch InvoiceError.providerUnavailable {
            // The result is asked again later; the invoice page will show it.
            guard let pending = try payments.invoices.payment(operationId: operationId) else { throw PageNotFound() }
            payment = pending
        }
        return pages.redirect(to: ResidentInvoiceController.path(payment.invoiceId) + "?paiement=\(payment.id)", context)
    }

    /// The `idop` of the query or of a posted form.
    static func operationId(in request: HTTPRequest) throws -> String? {
        if let value = request.queryValue("idop"), !value.isEmpty { return value }
        guard request.method == .POST else { return nil }
        let value = try request.urlEncodedForm().fields.first { $0.name == "idop" }?.value
        return value?.isEmpty == false ? value : nil
    }
}
