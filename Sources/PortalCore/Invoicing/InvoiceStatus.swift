/// Where an invoice stands. Stored in French, as agents read them in exports.
public enum InvoiceStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case toPay = "a_payer"
    case partiallyPaid = "partiellement_payee"
    case paid = "payee"
    /// Cancelled by the régie, with a reason.
    case cancelled = "annulee"
    /// Handed to the public accountant for collection: no longer payable on the portal.
    case sentToCollection = "transmise_recouvrement"

    /// In words, for residents and agents.
    public var label: String {
        switch self {
        case .toPay: "À payer"
        case .partiallyPaid: "Partiellement payée"
        case .paid: "Payée"
        case .cancelled: "Annulée"
        case .sentToCollection: "Transmise au recouvrement"
        }
    }

    /// Statuses in which money is still expected from the payer through the régie.
    public var isOpen: Bool { self == .toPay || self == .partiallyPaid }

    /// The open statuses.
    public static let open: [InvoiceStatus] = [.toPay, .partiallyPaid]

    /// The open statuses as an SQL list of literals, `('a_payer', 'partiellement_payee')`: written
    /// out, not bound, so that queries match the partial indexes built on the same text.
    static let openSQL = "(" + open.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    /// The status that follows from the amounts, for an invoice neither cancelled nor sent to collection.
    static func from(total: Int, paid: Int) -> InvoiceStatus {
        paid >= total ? .paid : paid > 0 ? .partiallyPaid : .toPay
    }
}
