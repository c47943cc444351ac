import PortalCore

/// The receipt of a payment as the régie prints it for the payer at the counter: the payer's
/// receipt with the payer's name and who recorded the payment.
struct AgentReceiptView {
    let layout: LayoutContext
    let receiptNumber: String
    let regieName: String
    let service: OrganisationView?
    let invoiceNumber: String
    let invoiceObject: String
    let invoicePath: String
    let invoiceTotal: String
    let payerName: String
    let amount: String
    let receivedAt: String
    let channel: String
    let reference: String?
    let recordedBy: String?
    /// What had been paid, this payment included, and what remained, once this payment was received.
    let paidSoFar: String
    let remaining: String
    let fullyPaid: Bool

    init(_ receipt: PaymentReceipt, payerName: String, organisation: Organisation?, recordedBy: String?, layout: LayoutContext) {
        self.layout = layout
        receiptNumber = receipt.payment.receiptNumber
        regieName = receipt.regie.name
        service = organisation.map(OrganisationView.init)
        invoiceNumber = receipt.invoiceNumber
        invoiceObject = receipt.invoiceObject
        invoicePath = AgentInvoicePaths.invoice(receipt.invoiceId)
        invoiceTotal = Euros.format(receipt.invoiceTotalCents)
        self.payerName = payerName
        amount = Euros.format(receipt.payment.amountCents)
        receivedAt = FrenchDateTime.text(receipt.receivedAt)
        channel = receipt.payment.channel.label
        reference = receipt.payment.reference
        self.recordedBy = recordedBy
        paidSoFar = Euros.format(receipt.paidSoFarCents)
        remaining = Euros.format(receipt.remainingCents)
        fullyPaid = receipt.isFullyPaid
    }
}
