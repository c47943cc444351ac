import PortalCore

/// The receipt of a payment as the régie prints it for the payer at the counter.
struct AgentReceiptView {
    let layout: LayoutContext
    let receiptNumber: String
    let regieName: String
    let service: OrganisationView?
    let invoiceNumber: String
    let invoiceObject: String
    let invoicePath: String
    let payerName: String
    let amount: String
    let receivedAt: String
    let channel: String
    let reference: String?
    let recordedBy: String?
    /// What remained to pay once this payment was received.
    let remaining: String
    let fullyPaid: Bool

    init(_ detail: InvoiceDetail, payment: Payment, organisation: Organisation?, recordedBy: String?, layout: LayoutContext) {
        self.layout = layout
        receiptNumber = payment.receiptNumber
        regieName = detail.regie.name
        service = organisation.map(OrganisationView.init)
        invoiceNumber = detail.invoice.number
        invoiceObject = detail.invoice.object
        invoicePath = AgentInvoicePaths.invoice(detail.invoice.id)
        payerName = detail.payerName
        amount = Euros.format(payment.amountCents)
        receivedAt = FrenchDateTime.text(payment.settledAt ?? payment.createdAt)
        channel = payment.channel.label
        reference = payment.reference
        self.recordedBy = recordedBy
        // What remained once this payment was received, whatever came after it.
        let paidSoFar = detail.payments.filter { $0.status == .paid && $0.id <= payment.id }.reduce(0) { $0 + $1.amountCents }
        let remainingCents = max(0, detail.invoice.totalCents - paidSoFar)
        remaining = Euros.format(remainingCents)
        fullyPaid = remainingCents == 0
    }
}
