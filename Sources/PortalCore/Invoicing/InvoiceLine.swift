/// One line of an invoice: what is billed, for when, how many, at what unit price.
public struct InvoiceLine: Sendable, Hashable, Codable {
    public var label: String
    /// The period or date the line is for ("Septembre 2026", "12/10/2026"), if any.
    public var period: String?
    public var quantity: Int
    public var unitPriceCents: Int

    public init(label: String, period: String? = nil, quantity: Int, unitPriceCents: Int) {
        self.label = label
        self.period = period
        self.quantity = quantity
        self.unitPriceCents = unitPriceCents
    }

    /// Quantity × unit price, in cents.
    public var amountCents: Int { quantity * unitPriceCents }
}
