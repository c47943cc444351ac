/// Where a payment stands.
public enum PaymentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Sent to the provider, result not known yet.
    case pending = "en_cours"
    case paid = "payee"
    case refused = "refusee"
    /// Abandoned by the payer, or expired at the provider.
    case cancelled = "abandonnee"

    public var label: String {
        switch self {
        case .pending: "En cours"
        case .paid: "Payé"
        case .refused: "Refusé"
        case .cancelled: "Abandonné"
        }
    }
}
