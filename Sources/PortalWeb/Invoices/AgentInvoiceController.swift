import Foundation
import PortalCore
import PortalHTTP

/// The agents' list of their régies' invoices (filters, totals, pages) and the CSV exports for
/// accounting: invoices of the current filter, payments received in a period. Everything is
/// scoped by the core to the agent's organisation.
struct AgentInvoiceController: Sendable {
    let invoices: Invoices
    let spaces: Spaces
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// Rows on one page of the list.
    static let pageSize = 25
    /// Rows at most in an export.
    static let exportLimit = 100_000

    /// `GET /agent/factures`.
    func list(_ context: RequestContext) throws -> HTTPResponse {
        try list(context, query: AgentInvoiceQuery(context.request, pageSize: Self.pageSize), period: PaymentsPeriod(today: CalendarDay(now())))
    }

    /// The list filtered by `query`, with `period` in the payments export's form.
    private func list(_ context: RequestContext, query: AgentInvoiceQuery, period: PaymentsPeriod,
                      status: HTTPStatus = .ok) throws -> HTTPResponse {
        let overview = try spaces.overview(of: .agent, actor: context.account)
        let filter = query.filter
        let page = try invoices.list(filter, actor: context.account, now: now())
        let regies = try invoices.regies(of: context.account)
        let today = CalendarDay(now())
        let errors = query.errors.errors + period.errors.errors
        let statusChoices: [(InvoiceFilter.Statuses, String)] = [(.open, "À encaisser"), (.all, "Toutes")]
            + InvoiceStatus.allCases.map { (.only($0), $0.label) }
        let view = AgentInvoiceListView(
            layout: pages.layout("Factures", context, hasErrors: !errors.isEmpty),
            organisationName: overview.organisationName ?? "",
            hasRegies: !regies.isEmpty,
            hasSeveralRegies: regies.count > 1,
            regieOptions: [AgentController.Option(value: "", label: "Toutes vos régies", selected: filter.regieId == nil)]
                + regies.map { AgentController.Option(value: $0.id, label: $0.name, selected: filter.regieId == $0.id) },
            statusOptions: statusChoices.map { choice, label in
                AgentController.Option(value: AgentInvoiceQuery.value(of: choice), label: label, selected: filter.statuses == choice)
            },
            typedFrom: filter.issuedFrom?.iso ?? query.typedFrom,
            typedTo: filter.issuedTo?.iso ?? query.typedTo,
            payer: filter.payer ?? "",
            overdueOnly: filter.overdueOnly,
            hasErrors: !errors.isEmpty,
            errors: errors.map { FieldErrorLink(field: $0.field, message: $0.message) },
            fromError: query.errors["du"],
            toError: query.errors["au"],
            payerSearchTooBroad: page.payerSearchTooBroad,
            rows: page.entries.map { AgentInvoiceListView.Row($0, today: today) },
            hasRows: !page.entries.isEmpty,
            countText: page.total <= 1 ? "\(page.total) facture" : "\(page.total) factures",
            issuedTotal: Euros.format(page.totals.issuedCents),
            paidTotal: Euros.format(page.totals.paidCents),
            remainingTotal: Euros.format(page.totals.remainingCents),
            pageText: "Page \(page.page) sur \(page.pageCount)",
            previousPath: page.page > 1 ? AgentInvoicePaths.list + "?" + query.queryString(page: page.page - 1) : nil,
            nextPath: page.page < page.pageCount ? AgentInvoicePaths.list + "?" + query.queryString(page: page.page + 1) : nil,
            exportPath: AgentInvoicePaths.export + "?" + query.queryString(),
            paymentsFrom: period.typedFrom,
            paymentsTo: period.typedTo,
            paymentsFromError: period.errors["paiements-du"],
            paymentsToError: period.errors["paiements-au"],
            channelOptions: [AgentController.Option(value: "", label: "Tous les moyens de paiement", selected: period.channel == nil)]
                + PaymentChannel.allCases.map { AgentController.Option(value: $0.rawValue, label: $0.label, selected: period.channel == $0) }
        )
        return pages.page("agent-invoices/list", view, context, status: status)
    }

    /// `GET /agent/factures/export.csv`: every invoice of the current filter, up to 100,000.
    func export(_ context: RequestContext) throws -> HTTPResponse {
        let filter = AgentInvoiceQuery(context.request, pageSize: InvoiceFilter.maximumPageSize).filter
        let today = CalendarDay(now())
        let regies = Dictionary(uniqueKeysWithValues: try invoices.regies(of: context.account).map { ($0.id, $0.name) })
        let rows = try invoices.export(filter, limit: Self.exportLimit, actor: context.account, now: now()).map { entry in
            let invoice = entry.invoice
            return [
                invoice.number, regies[invoice.regieId] ?? invoice.regieId, entry.payerName, entry.payerEmail, invoice.object,
                SpreadsheetCSV.date(invoice.issuedOn), SpreadsheetCSV.date(invoice.dueOn), SpreadsheetCSV.amount(invoice.totalCents),
                SpreadsheetCSV.amount(invoice.paidCents),
                SpreadsheetCSV.amount(invoice.status == .cancelled ? 0 : invoice.remainingCents),
                invoice.status.label, invoice.isOverdue(on: today) ? "oui" : "non",
                invoice.reminderBeforeSentAt.map { SpreadsheetCSV.date(CalendarDay($0)) } ?? "",
                invoice.reminderAfterSentAt.map { SpreadsheetCSV.date(CalendarDay($0)) } ?? "",
                invoice.externalReference ?? "",
            ]
        }
        return SpreadsheetCSV.download("factures-\(today.iso).csv", header: [
            "Facture", "Régie", "Payeur", "E-mail du payeur", "Objet", "Émise le", "Échéance", "Total", "Payé", "Reste dû", "Statut",
            "En retard", "Rappel le", "Relance le", "Référence de la régie",
        ], rows: rows)
    }

    /// `GET /agent/paiements/export.csv?du=…&au=…&canal=…`: the payments received in the period
    /// (this month by default), for accounting. Dates that are not real days show the list again
    /// with the mistake.
    func paymentsExport(_ context: RequestContext) throws -> HTTPResponse {
        let period = PaymentsPeriod(context.request, today: CalendarDay(now()))
        guard let from = period.from, let to = period.to, period.errors.isEmpty else {
            return try list(context, query: AgentInvoiceQuery(pageSize: Self.pageSize), period: period, status: .unprocessableContent)
        }
        let regies = Dictionary(uniqueKeysWithValues: try invoices.regies(of: context.account).map { ($0.id, $0.name) })
        let rows = try invoices.paymentsReceived(from: from, to: to, channel: period.channel, limit: Self.exportLimit,
                                                 actor: context.account).map { received in
            let payment = received.payment
            let at = payment.settledAt ?? payment.createdAt
            return [
                SpreadsheetCSV.date(CalendarDay(at)), FrenchDateTime.clockTime(at), payment.receiptNumber, received.invoiceNumber,
                regies[received.regieId] ?? received.regieId, received.payerName, payment.channel.label, payment.reference ?? "",
                SpreadsheetCSV.amount(payment.amountCents),
            ]
        }
        return SpreadsheetCSV.download("paiements-\(from.iso)-\(to.iso).csv", header: [
            "Date", "Heure", "Reçu", "Facture", "Régie", "Payeur", "Moyen de paiement", "Référence", "Montant",
        ], rows: rows)
    }
}

/// The period and channel of the payments export, as its form sends them (`du`, `au`, `canal`).
struct PaymentsPeriod {
    var typedFrom: String
    var typedTo: String
    var from: CalendarDay?
    var to: CalendarDay?
    var channel: PaymentChannel?
    /// Fields `paiements-du` and `paiements-au`, as the list page names its inputs.
    var errors = ValidationErrors()

    /// This month up to today, every channel: what the form offers first.
    init(today: CalendarDay) {
        let firstOfMonth = CalendarDay(year: today.year, month: today.month, day: 1) ?? today
        (typedFrom, typedTo, from, to) = (firstOfMonth.iso, today.iso, firstOfMonth, today)
    }

    /// The export's request; a date left out is the default's.
    init(_ request: HTTPRequest, today: CalendarDay) {
        self.init(today: today)
        if let typed = request.queryValue("du"), !typed.isEmpty { typedFrom = typed }
        if let typed = request.queryValue("au"), !typed.isEmpty { typedTo = typed }
        from = CalendarDay(typed: typedFrom)
        to = CalendarDay(typed: typedTo)
        channel = request.queryValue("canal").flatMap(PaymentChannel.init(rawValue:))
        if from == nil { errors.add("La date de début doit être une date réelle, par exemple 01/03/2026.", for: "paiements-du") }
        if to == nil { errors.add("La date de fin doit être une date réelle, par exemple 31/03/2026.", for: "paiements-au") }
        if let from, let to, to < from { errors.add("La date de fin doit être après la date de début.", for: "paiements-au") }
    }
}
