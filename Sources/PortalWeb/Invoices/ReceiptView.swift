import PortalCore

/// The receipt of a payment: what the régie received, when, how, for which invoice, and what
/// remained to pay then.
struct ReceiptView {
    let layout: LayoutContext
    let receiptNumber: String
    let regieName: String
    let service: OrganisationView?
    let invoiceNumber: String
    let invoiceObject: String
    let invoicePath: String
    let invoiceTotal: String
    let amount: String
    let receivedAt: String
    let channel: String
    let reference: String?
    /// What had been paid, this payment included, and what remained, once this payment was received.
    let paidSoFar: String
    let remaining: String
    let fullyPaid: Bool

    init(_ receipt: PaymentReceipt, organisation: Organisation?, layout: LayoutContext) {
        self.layout = layout
        receiptNumber = receipt.payment.receiptNumber
        regieName = receipt.regie.name
        service = organisation.map(OrganisationView.init)
        invoiceNumber = receipt.invoiceNumber
        invoiceObject = receipt.invoiceObject
        invoicePath = ResidentInvoiceController.path(receipt.invoiceId)
        invoiceTotal = Euros.format(receipt.invoiceTotalCents)
        amount = Euros.format(receipt.payment.amountCents)
        receivedAt = FrenchDateTime.text(receipt.receivedAt)
        channel = receipt.payment.channel.label
        reference = receipt.payment.reference
        paidSoFar = Euros.format(receipt.paidSoFarCents)
        remaining = Euros.format(receipt.remainingCents)
        fullyPaid = receipt.isFullyPaid
    }
}
