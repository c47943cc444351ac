import PortalCore

/// The résident's list of invoices.
struct InvoiceListView {
    struct Row {
        let number: String
        let object: String
        let amount: String
        let status: String
        let dueOn: String
        let overdue: Bool
        let path: String
    }

    let layout: LayoutContext
    let toPay: [Row]
    let others: [Row]
    let totalDue: String
    let hasToPay: Bool
    let hasOthers: Bool

    init(layout: LayoutContext, toPay: [Row], others: [Row], totalDue: String) {
        self.layout = layout
        self.toPay = toPay
        self.others = others
        self.totalDue = totalDue
        hasToPay = !toPay.isEmpty
        hasOthers = !others.isEmpty
    }
}

extension InvoiceListView.Row {
    init(_ invoice: Invoice, today: CalendarDay) {
        number = invoice.number
        object = invoice.object
        amount = Euros.format(invoice.status.isOpen ? invoice.remainingCents : invoice.totalCents)
        status = invoice.status.label
        dueOn = invoice.dueOn.french
        overdue = invoice.isOverdue(on: today)
        path = ResidentInvoiceController.path(invoice.id)
    }
}
