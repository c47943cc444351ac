import PortalCore

/// The receipt of a payment: what the régie received, when, how, for which invoice.
struct ReceiptView {
    let layout: LayoutContext
    let receiptNumber: String
    let regieName: String
    let service: OrganisationView?
    let invoiceNumber: String
    let invoiceObject: String
    let invoicePath: String
    let amount: String
    let receivedAt: String
    let channel: String
    let reference: String?
    let remaining: String
    let fullyPaid: Bool

    init(_ detail: InvoiceDetail, payment: Payment, organisation: Organisation?, layout: LayoutContext) {
        self.layout = layout
        receiptNumber = payment.receiptNumber
        regieName = detail.regie.name
        service = organisation.map(OrganisationView.init)
        invoiceNumber = detail.invoice.number
        invoiceObject = detail.invoice.object
        invoicePath = ResidentInvoiceHandlers.path(detail.invoice.id)
        amount = Euros.format(payment.amountCents)
        receivedAt = FrenchDateTime.text(payment.settledAt ?? payment.createdAt)
        channel = payment.channel.label
        reference = payment.reference
        remaining = Euros.format(detail.invoice.remainingCents)
        fullyPaid = detail.invoice.remainingCents == 0
    }
}
