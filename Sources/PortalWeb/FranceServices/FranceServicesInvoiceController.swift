import Foundation
import PortalCore
import PortalHTTP

/// Under a mandate for payments, the adviser sees the resident's invoices and notes a payment they
/// made elsewhere, for the régie to check. The adviser never takes money nor changes an amount.
struct FranceServicesInvoiceController: Sendable {
    let desk: FranceServicesDesk
    let invoices: Invoices

    struct Row {
        let number: String
        let object: String
        let total: String
        let remaining: String
        let status: String
        let dueOn: String
        let overdue: Bool
        /// Where to note a payment made elsewhere; open invoices only.
        let declarePath: String?
    }

    struct ListView {
        let layout: LayoutContext
        let residentName: String
        let residentPath: String
        let notice: String?
        let toPay: [Row]
        let others: [Row]
        let hasToPay: Bool
        let hasOthers: Bool
        let totalDue: String
    }

    struct InvoiceView {
        let layout: LayoutContext
        let csrfToken: String
        let residentName: String
        let listPath: String
        let number: String
        let object: String
        let regieName: String
        let total: String
        let paid: String
        let remaining: String
        let status: String
        let dueOn: String
        let declarations: [String]
        let hasDeclarations: Bool
        let action: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let declaration: FormField
    }

    /// `GET /guichet/habitants/{id}/factures`.
    func list(_ context: RequestContext, resident id: Int64) throws -> HTTPResponse {
        let (resident, _) = try desk.acting(for: id, in: .payments, context)
        let all = try invoices.invoices(of: resident)
        let today = CalendarDay(desk.now())
        func row(_ invoice: Invoice) -> Row {
            Row(number: invoice.number, object: invoice.object, total: Euros.format(invoice.totalCents),
                remaining: Euros.format(invoice.remainingCents), status: invoice.status.label, dueOn: invoice.dueOn.french,
                overdue: invoice.isOverdue(on: today),
                declarePath: invoice.status.isOpen ? FranceServicesPaths.invoice(id, invoice: invoice.id) : nil)
        }
        let view = ListView(
            layout: desk.pages.layout("Factures de \(resident.displayName)", context),
            residentName: resident.displayName,
            residentPath: FranceServicesPaths.resident(id),
            notice: context.request.queryValue("fait") == "paiement"
                ? "Le paiement déclaré est noté dans l'historique de la facture : la régie le vérifiera avant de la modifier." : nil,
            toPay: all.toPay.map(row), others: all.others.map(row),
            hasToPay: !all.toPay.isEmpty, hasOthers: !all.others.isEmpty,
            totalDue: Euros.format(all.totalDueCents))
        return desk.pages.page("guichet/invoices", view, context)
    }

    /// `GET /guichet/habitants/{id}/factures/{invoice}`: an open invoice and the form to note a payment made elsewhere.
    func show(_ context: RequestContext, resident id: Int64, invoice invoiceId: Int64) throws -> HTTPResponse {
        let (resident, _) = try desk.acting(for: id, in: .payments, context)
        return try render(context, resident: resident, invoice: invoiceId, typed: "", errors: [], status: .ok)
    }

    /// `POST /guichet/habitants/{id}/factures/{invoice}`. Field name: `declaration`.
    func declare(_ context: RequestContext, resident id: Int64, invoice invoiceId: Int64) throws -> HTTPResponse {
        let (resident, mandate) = try desk.acting(for: id, in: .payments, context)
        let form = try context.postedForm()
        let typed = form["declaration"] ?? ""
        guard !context.formIsStale else {
            return try render(context, resident: resident, invoice: invoiceId, typed: typed,
                              errors: [FieldErrorLink(field: "declaration", message: AccountController.staleFormMessage)], status: .forbidden)
        }
        do {
            _ = try invoices.noteDeclaredPayment(invoiceId, text: typed, actor: resident, now: desk.now())
        } catch InvoiceError.invalid(let errors) {
            return try render(context, resident: resident, invoice: invoiceId, typed: typed,
                              errors: errors.links, status: .unprocessableContent)
        } catch InvoiceError.invalidTransition {
            return desk.pages.redirect(to: FranceServicesPaths.invoices(id), context)
        }
        let number = try invoices.detail(invoiceId, actor: resident).invoice.number
        try desk.record("Paiement fait ailleurs noté pour la facture \(number) : « \(typed.trimmingCharacters(in: .whitespacesAndNewlines)) »",
                        for: id, under: mandate, context)
        return desk.pages.redirect(to: FranceServicesPaths.invoices(id) + "?fait=paiement", context)
    }

    private func render(_ context: RequestContext, resident: Account, invoice invoiceId: Int64, typed: String,
                        errors: [FieldErrorLink], status: HTTPStatus) throws -> HTTPResponse {
        let detail: InvoiceDetail
        detail = try invoices.detail(invoiceId, actor: resident)
        let invoice = detail.invoice
        guard invoice.status.isOpen else { return desk.pages.redirect(to: FranceServicesPaths.invoices(resident.id), context) }
        let declarations = detail.events.filter { $0.kind == .declaredPayment }.map { "\(TimelineLine.dateTime($0.at)) : \($0.text ?? "")" }
        let view = InvoiceView(
            layout: desk.pages.layout("Facture \(invoice.number) – \(resident.displayName)", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            residentName: resident.displayName,
            listPath: FranceServicesPaths.invoices(resident.id),
            number: invoice.number, object: invoice.object, regieName: detail.regie.name,
            total: Euros.format(invoice.totalCents), paid: Euros.format(invoice.paidCents), remaining: Euros.format(invoice.remainingCents),
            status: invoice.status.label, dueOn: invoice.dueOn.french,
            declarations: declarations, hasDeclarations: !declarations.isEmpty,
            action: FranceServicesPaths.invoice(resident.id, invoice: invoice.id),
            hasErrors: !errors.isEmpty, errors: errors,
            declaration: FormField(id: "declaration", value: typed, error: errors.first?.message))
        return desk.pages.page("guichet/invoice", view, context, status: status)
    }
}
