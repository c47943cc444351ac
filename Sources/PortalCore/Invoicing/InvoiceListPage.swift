/// One page of an agent's invoices, with the counts and amounts of the whole filter.
public struct InvoiceListPage: Sendable, Hashable {
    /// An invoice as the list shows it: without its lines, with its payer.
    public struct Entry: Sendable, Hashable {
        public var invoice: Invoice
        public var payerName: String
        public var payerEmail: String
    }

    /// Sums over every invoice the filter matches, all pages together, in cents.
    public struct Totals: Sendable, Hashable {
        public var issuedCents: Int
        public var paidCents: Int
        /// What remains to pay on those not cancelled (open ones, and those with the public accountant).
        public var remainingCents: Int
    }

    /// Newest first.
    public var entries: [Entry]
    /// Invoices matching the filter, all pages together.
    public var total: Int
    public var totals: Totals
    public var page: Int
    public var pageCount: Int
    /// The payer text matched too many accounts to search by: nothing is listed, the agent
    /// should type more of the name or address.
    public var payerSearchTooBroad: Bool
}
