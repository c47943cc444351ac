import Foundation
import PortalCore

/// The agents' list of invoices: the filters, the totals of the whole filter, one page of rows,
/// and the form of the payments export.
struct AgentInvoiceListView {
    /// One invoice of the page.
    struct Row {
        let number: String
        let path: String
        let payerName: String
        let payerEmail: String
        let object: String
        let issuedOn: String
        let dueOn: String
        let overdue: Bool
        let total: String
        let remaining: String
        let status: String
        /// "Relance le 12 avril 2026", when the payer was reminded.
        let lastReminder: String?
    }

    let layout: LayoutContext
    let organisationName: String
    /// The organisation has a régie: otherwise there is nothing to list or issue.
    let hasRegies: Bool
    let hasSeveralRegies: Bool
    let regieOptions: [AgentController.Option]
    let statusOptions: [AgentController.Option]
    let typedFrom: String
    let typedTo: String
    let payer: String
    let overdueOnly: Bool
    let hasErrors: Bool
    let errors: [FieldErrorLink]
    let fromError: String?
    let toError: String?
    let payerSearchTooBroad: Bool
    let rows: [Row]
    let hasRows: Bool
    let countText: String
    let issuedTotal: String
    let paidTotal: String
    let remainingTotal: String
    let pageText: String
    let previousPath: String?
    let nextPath: String?
    let exportPath: String
    let paymentsFrom: String
    let paymentsTo: String
    let paymentsFromError: String?
    let paymentsToError: String?
    let channelOptions: [AgentController.Option]
}

// In an extension, so that the memberwise initialiser stays (the lookup test uses it).
extension AgentInvoiceListView.Row {
    init(_ entry: InvoiceListPage.Entry, today: CalendarDay) {
        let invoice = entry.invoice
        number = invoice.number
        path = AgentInvoicePaths.invoice(invoice.id)
        payerName = entry.payerName
        payerEmail = entry.payerEmail
        object = invoice.object
        issuedOn = invoice.issuedOn.french
        dueOn = invoice.dueOn.french
        overdue = invoice.isOverdue(on: today)
        total = Euros.format(invoice.totalCents)
        remaining = invoice.status == .cancelled ? "–" : Euros.format(invoice.remainingCents)
        status = invoice.status.label
        lastReminder = Self.lastReminder(invoice)
    }

    /// The latest reminder of an invoice, in words.
    static func lastReminder(_ invoice: Invoice) -> String? {
        switch (invoice.reminderBeforeSentAt, invoice.reminderAfterSentAt) {
        case (_, let after?): "Relance le \(CalendarDay(after).french)"
        case (let before?, nil): "Rappel le \(CalendarDay(before).french)"
        case (nil, nil): nil
        }
    }
}
