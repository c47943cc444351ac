import Foundation

/// An invoice as an agent types it, or as a line of an imported CSV file gives it: text, checked
/// by ``Invoices/issue(_:actor:now:)``. Field names are those of ``ValidationErrors``.
public struct InvoiceForm: Sendable, Hashable {
    /// A line as typed.
    public struct Line: Sendable, Hashable {
        public var label: String
        public var period: String
        public var quantity: String
        public var unitPrice: String

        public init(label: String, period: String = "", quantity: String, unitPrice: String) {
            self.label = label
            self.period = period
            self.quantity = quantity
            self.unitPrice = unitPrice
        }

        /// Nothing typed on this line.
        public var isBlank: Bool {
            [label, period, quantity, unitPrice].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
    }

    public var regieId: String
    /// The payer's account e-mail.
    public var payerEmail: String
    public var object: String
    /// `YYYY-MM-DD` or `JJ/MM/AAAA`.
    public var dueOn: String
    public var lines: [Line]

    public init(regieId: String, payerEmail: String, object: String, dueOn: String, lines: [Line]) {
        self.regieId = regieId
        self.payerEmail = payerEmail
        self.object = object
        self.dueOn = dueOn
        self.lines = lines
    }

    /// The field name of a line's part in ``ValidationErrors``: `ligne-1-libelle`.
    public static func lineField(_ index: Int, _ part: String) -> String { "ligne-\(index + 1)-\(part)" }
}
