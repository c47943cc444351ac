import Foundation
import PortalCore
import PortalHTTP

/// Issuing an invoice by hand (small régies without billing software: room hire, occupation of
/// public space…). GOV.UK pattern: server-side checks by the core, an error summary linking to
/// the fields, every answer kept; on success the invoice's page with a confirmation.
struct AgentInvoiceFormController: Sendable {
    let invoices: Invoices
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// `GET /agent/factures/nouvelle`.
    func show(_ context: RequestContext) throws -> HTTPResponse {
        let regies = try invoices.billingRegies(of: context.account)
        let form = InvoiceForm(regieId: regies.count == 1 ? regies[0].id : "", payerEmail: "", object: "", dueOn: "", lines: [])
        return render(context, regies: regies, form: form, errors: ValidationErrors(), status: .ok)
    }

    /// `POST /agent/factures/nouvelle`.
    func issue(_ context: RequestContext) throws -> HTTPResponse {
        let posted = try context.postedForm()
        let regies = try invoices.billingRegies(of: context.account)
        func value(_ name: String) -> String { posted[name] ?? "" }
        let form = InvoiceForm(
            regieId: value("regie"), payerEmail: value("payeur"), object: value("objet"), dueOn: value("echeance"),
            lines: (0..<AgentInvoiceFormView.lineCount).map { index in
                InvoiceForm.Line(label: value(InvoiceForm.lineField(index, "libelle")), period: value(InvoiceForm.lineField(index, "periode")),
                                 quantity: value(InvoiceForm.lineField(index, "quantite")), unitPrice: value(InvoiceForm.lineField(index, "prix")))
            })
        guard !context.formIsStale else {
            var stale = ValidationErrors()
            stale.add(AccountController.staleFormMessage, for: "payeur")
            return render(context, regies: regies, form: form, errors: stale, status: .forbidden)
        }
        do {
            let invoice = try invoices.issue(form, actor: context.account, now: now())
            return pages.redirect(to: AgentInvoicePaths.invoice(invoice.id) + "?fait=emise", context)
        } catch InvoiceError.invalid(let errors) {
            return render(context, regies: regies, form: form, errors: errors, status: .unprocessableContent)
        }
    }

    private func render(_ context: RequestContext, regies: [Regie], form: InvoiceForm, errors: ValidationErrors,
                        status: HTTPStatus) -> HTTPResponse {
        let view = AgentInvoiceFormView(
            layout: pages.layout("Émettre une facture", context, hasErrors: !errors.isEmpty), csrfToken: context.csrfToken,
            regies: regies, form: form, errors: errors, exampleDue: CalendarDay(now()).adding(days: 30))
        return pages.page("agent-invoices/new", view, context, status: status)
    }
}
