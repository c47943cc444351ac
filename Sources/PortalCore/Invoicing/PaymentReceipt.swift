import Foundation

/// The receipt of a payment received, its legal acknowledgement: the same on the payer's page,
/// on the copy the régie prints and in the e-mail. It states the invoice's balance as it was
/// once this payment was received, from the payments received up to and including it in the
/// order they were received, so that it reads the same however the invoice is paid afterwards.
public struct PaymentReceipt: Sendable, Hashable {
    /// The payment received.
    public var payment: Payment
    /// The régie that received it.
    public var regie: Regie
    public var invoiceId: Int64
    public var invoiceNumber: String
    public var invoiceObject: String
    /// The invoice's total, in cents.
    public var invoiceTotalCents: Int
    /// What had been paid for the invoice once this payment was received, this one included, in cents.
    public var paidSoFarCents: Int

    /// The receipt of `payment` among `payments`, all those of `invoice`; nil unless `payment` is
    /// money received for that invoice.
    public init?(_ payment: Payment, of invoice: Invoice, regie: Regie, payments: [Payment]) {
        guard payment.status == .paid, payment.invoiceId == invoice.id else { return nil }
        let order = Self.receptionOrder(payment)
        let before = payments.filter { $0.status == .paid && $0.id != payment.id && Self.receptionOrder($0) < order }
        self.payment = payment
        self.regie = regie
        invoiceId = invoice.id
        invoiceNumber = invoice.number
        invoiceObject = invoice.object
        invoiceTotalCents = invoice.totalCents
        paidSoFarCents = before.reduce(payment.amountCents) { $0 + $1.amountCents }
    }

    /// What remained to pay once this payment was received, in cents.
    public var remainingCents: Int { max(0, invoiceTotalCents - paidSoFarCents) }

    /// Nothing remained to pay once this payment was received.
    public var isFullyPaid: Bool { remainingCents == 0 }

    /// When the payment was received.
    public var receivedAt: Date { payment.settledAt ?? payment.createdAt }

    /// Payments in the order they were received: by when, then (at the same instant) by id.
    private static func receptionOrder(_ payment: Payment) -> (Date, Int64) {
        (payment.settledAt ?? payment.createdAt, payment.id)
    }
}

extension InvoiceDetail {
    /// The receipt of payment `paymentId` of this invoice; nil unless it is money received for it.
    public func receipt(for paymentId: Int64) -> PaymentReceipt? {
        payments.first { $0.id == paymentId }.flatMap { PaymentReceipt($0, of: invoice, regie: regie, payments: payments) }
    }
}
