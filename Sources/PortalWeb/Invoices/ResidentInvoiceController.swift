import Foundation
import PortalCore
import PortalHTTP

/// The résident's invoices: the list, one invoice (printable, and as PDF), paying it online,
/// and the receipts of payments.
struct ResidentInvoiceController: Sendable {
    let invoices: Invoices
    let payments: PaymentGateway
    let pages: PageRenderer
    let links: SiteMap
    let now: @Sendable () -> Date

    static let listPath = "/mon-espace/factures"
    static func path(_ id: Int64) -> String { "\(listPath)/\(id)" }

    /// `GET /mon-espace/factures`: those to pay first, nearest due date first; then the others.
    func list(_ context: RequestContext) throws -> HTTPResponse {
        let all = try invoices.invoices(of: context.account)
        let today = CalendarDay(now())
        let view = InvoiceListView(
            layout: pages.layout("Mes factures", context),
            toPay: all.toPay.map { InvoiceListView.Row($0, today: today) },
            others: all.others.map { InvoiceListView.Row($0, today: today) },
            totalDue: Euros.format(all.totalDueCents))
        return pages.page("invoices/list", view, context)
    }

    /// `GET /mon-espace/factures/{id}`, with the result of a payment when `?paiement=` names one.
    func show(_ context: RequestContext, id: Int64, problem: String? = nil) throws -> HTTPResponse {
        let detail = try ownDetail(id, context)
        let outcome = context.request.queryValue("paiement").flatMap(Int64.init).flatMap { paymentId in
            detail.payments.first { $0.id == paymentId }
        }
        let view = InvoiceView(detail, organisation: invoices.organisation(of: detail.regie), today: CalendarDay(now()),
                               layout: pages.layout("Facture \(detail.invoice.number)", context, hasErrors: problem != nil),
                               csrfToken: context.csrfToken, outcome: outcome, problem: problem)
        return pages.page("invoices/invoice", view, context)
    }

    /// `GET /mon-espace/factures/{id}/facture.pdf`.
    func pdf(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let detail = try ownDetail(id, context)
        let bytes = InvoicePDF.render(detail, organisation: invoices.organisation(of: detail.regie),
                                      payURL: links.residentInvoice(id), now: now())
        var headers = HTTPHeaders()
        headers["Content-Type"] = "application/pdf"
        headers["Content-Disposition"] = ContentDisposition.attachment(filename: "facture-\(detail.invoice.number).pdf")
        headers["Cache-Control"] = "private, no-store"
        return HTTPResponse(status: .ok, headers: headers, body: bytes)
    }

    /// `POST /mon-espace/factures/{id}/payer`: off to the payment provider's page.
    func pay(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        do {
            let start = try payments.start(id, actor: context.account, now: now())
            return pages.redirect(to: start.pageURL, context, extraCookies: start.cookies)
        } catch InvoiceError.notFound {
            throw PageNotFound()
        } catch let error as InvoiceError {
            return try show(context, id: id, problem: Self.message(for: error))
        }
    }

    /// `GET /mon-espace/factures/{id}/recus/{payment}`: the receipt of a payment received.
    func receipt(_ context: RequestContext, id: Int64, paymentId: Int64) throws -> HTTPResponse {
        let detail = try ownDetail(id, context)
        guard let receipt = detail.receipt(for: paymentId) else { throw PageNotFound() }
        let view = ReceiptView(receipt, organisation: invoices.organisation(of: detail.regie),
                               layout: pages.layout("Reçu \(receipt.payment.receiptNumber)", context))
        return pages.page("invoices/receipt", view, context)
    }

    private func ownDetail(_ id: Int64, _ context: RequestContext) throws -> InvoiceDetail {
        return try invoices.detail(id, actor: context.account)
    }

    /// What to tell the payer when a payment cannot start.
    static func message(for error: InvoiceError) -> String {
        switch error {
        case .paymentInProgress:
            "Un paiement de cette facture est déjà en cours. S'il n'aboutit pas, vous pourrez réessayer dans quelques minutes."
        case .providerUnavailable:
            "Le service de paiement ne répond pas pour le moment. Aucune somme n'a été débitée : réessayez dans quelques minutes."
        case .onlinePaymentClosed(let since):
            "Cette facture ne peut plus être payée en ligne depuis le \(since.french). Payez-la auprès de la régie."
        case .amountOutOfOnlineRange:
            "Le paiement en ligne n'est possible que de 1 € à 99 999,99 €. Payez ce montant auprès de la régie."
        case .notPayable(let status):
            "Cette facture ne peut pas être payée : elle est « \(status.label.lowercased()) »."
        default:
            "Le paiement n'a pas pu commencer. Réessayez dans quelques minutes."
        }
    }
}
