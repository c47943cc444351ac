import PortalCore

/// One line of an invoice as its pages show it, for the payer and for the régie.
struct InvoiceLineView {
    let label: String
    let period: String?
    let quantity: Int
    let unitPrice: String
    let amount: String

    init(_ line: InvoiceLine) {
        label = line.label
        period = line.period
        quantity = line.quantity
        unitPrice = Euros.format(line.unitPriceCents)
        amount = Euros.format(line.amountCents)
    }
}
