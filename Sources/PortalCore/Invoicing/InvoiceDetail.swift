/// An invoice with what its page shows: its régie and organisation, its payer, its payments and history.
public struct InvoiceDetail: Sendable, Hashable {
    public var invoice: Invoice
    public var regie: Regie
    public var payerName: String
    public var payerEmail: String
    public var payments: [Payment]
    /// The history; residents are shown the payments, agents everything.
    public var events: [InvoiceEvent]
}
