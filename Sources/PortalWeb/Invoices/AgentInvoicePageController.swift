import Foundation
import PortalCore
import PortalHTTP

/// One invoice in the agents' back-office: its page, and the actions its status allows —
/// recording a counter payment (with a printable receipt), cancelling with a reason, handing
/// it to the public accountant. The core refuses any action that makes no sense in the status
/// (the page comes back with the reason, 409); an invoice of another organisation is 404.
struct AgentInvoicePageController: Sendable {
    let invoices: Invoices
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// `GET /agent/factures/{id}`, with the confirmation of what was just done (`?fait=`, `?encaisse=`).
    func show(_ context: RequestContext, id: Int64, errors: ValidationErrors = ValidationErrors(),
              typed: AgentInvoiceView.Typed = .init(), status: HTTPStatus = .ok) throws -> HTTPResponse {
        let detail = try managedDetail(id, context)
        var notice: String?
        var receiptPath: String?
        switch context.request.queryValue("fait") {
        case "emise": notice = "La facture \(detail.invoice.number) est émise. Le payeur la trouve dans son espace et en est prévenu par e-mail."
        case "annulee": notice = "La facture est annulée. Le payeur voit le motif dans son espace."
        case "recouvrement": notice = "La facture est transmise au recouvrement : elle ne peut plus être payée en ligne ni à la régie."
        default: break
        }
        if let paymentId = context.request.queryValue("encaisse").flatMap(Int64.init),
           let payment = detail.payments.first(where: { $0.id == paymentId && $0.status == .paid }) {
            notice = "Paiement de \(Euros.format(payment.amountCents)) enregistré : reçu n° \(payment.receiptNumber), envoyé aussi au payeur par e-mail."
            receiptPath = AgentInvoicePaths.receipt(id, payment: payment.id)
        }
        let names = try invoices.names(of: Set(detail.events.compactMap(\.actorId)))
        let view = AgentInvoiceView(
            detail, names: names, today: CalendarDay(now()),
            layout: pages.layout("Facture \(detail.invoice.number)", context, hasErrors: !errors.isEmpty), csrfToken: context.csrfToken,
            notice: errors.isEmpty ? notice : nil, noticeReceiptPath: errors.isEmpty ? receiptPath : nil, errors: errors, typed: typed)
        return pages.page("agent-invoices/invoice", view, context, status: status)
    }

    /// `POST /agent/factures/{id}/encaissement`: `montant`, `moyen`, `reference`.
    func recordPayment(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let form = try context.postedForm()
        let typed = AgentInvoiceView.Typed(amount: form["montant"] ?? "", channel: form["moyen"] ?? "", reference: form["reference"] ?? "")
        do {
            let payment = try invoices.recordCounterPayment(id, amount: typed.amount, channel: typed.channel, reference: typed.reference,
                                                            actor: context.account, now: now())
            return pages.redirect(to: AgentInvoicePaths.invoice(id) + "?encaisse=\(payment.id)", context)
        } catch InvoiceError.invalid(let errors) {
            return try show(context, id: id, errors: errors, typed: typed, status: .unprocessableContent)
        } catch InvoiceError.invalidTransition(let status) {
            return try refused("Cette facture ne peut plus recevoir de paiement : elle est « \(status.label.lowercased()) ».", context, id: id)
        }
    }

    /// `POST /agent/factures/{id}/annulation`: `motif`.
    func cancel(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let form = try context.postedForm()
        let typed = AgentInvoiceView.Typed(reason: form["motif"] ?? "")
        do {
            _ = try invoices.cancel(id, reason: typed.reason, actor: context.account, now: now())
            return pages.redirect(to: AgentInvoicePaths.invoice(id) + "?fait=annulee", context)
        } catch InvoiceError.reasonRequired {
            var errors = ValidationErrors()
            errors.add("Indiquez le motif de l'annulation : le payeur le lira dans son espace.", for: "motif")
            return try show(context, id: id, errors: errors, typed: typed, status: .unprocessableContent)
        } catch let problem as TypedText.Problem {
            var errors = ValidationErrors()
            errors.add(problem.message, for: "motif")
            return try show(context, id: id, errors: errors, typed: typed, status: .unprocessableContent)
        } catch InvoiceError.invalidTransition(let status) {
            return try refused("""
                Cette facture ne peut plus être annulée : elle est « \(status.label.lowercased()) ». \
                Seule une facture sans aucun paiement peut l'être.
                """, context, id: id)
        }
    }

    /// `POST /agent/factures/{id}/recouvrement`.
    func sendToCollection(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        do {
            _ = try invoices.sendToCollection(id, actor: context.account, now: now())
            return pages.redirect(to: AgentInvoicePaths.invoice(id) + "?fait=recouvrement", context)
        } catch InvoiceError.invalidTransition(let status) {
            return try refused("Cette facture ne peut pas être transmise au recouvrement : elle est « \(status.label.lowercased()) ».",
                               context, id: id)
        }
    }

    /// `GET /agent/factures/{id}/recus/{payment}`: the printable receipt of a payment received.
    func receipt(_ context: RequestContext, id: Int64, paymentId: Int64) throws -> HTTPResponse {
        let detail = try managedDetail(id, context)
        guard let receipt = detail.receipt(for: paymentId) else { throw PageNotFound() }
        let recordedBy = try receipt.payment.recordedBy.flatMap { try invoices.names(of: [$0])[$0] }
        let view = AgentReceiptView(receipt, payerName: detail.payerName, organisation: invoices.organisation(of: detail.regie),
                                    recordedBy: recordedBy, layout: pages.layout("Reçu \(receipt.payment.receiptNumber)", context))
        return pages.page("agent-invoices/receipt", view, context)
    }

    /// The page again with why the action was refused, answered 409.
    private func refused(_ message: String, _ context: RequestContext, id: Int64) throws -> HTTPResponse {
        var errors = ValidationErrors()
        errors.add(message, for: "actions")
        return try show(context, id: id, errors: errors, status: .conflict)
    }

    /// An invoice of the agent's régies; anyone else (its payer included) gets 404.
    private func managedDetail(_ id: Int64, _ context: RequestContext) throws -> InvoiceDetail {
        try invoices.detail(id, actor: context.account)
    }
}
