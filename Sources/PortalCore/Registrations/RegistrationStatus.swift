/// Where a registration stands.
public enum RegistrationStatus: String, Sendable, Hashable, CaseIterable {
    case confirmed = "confirmee"
    /// No place yet: it waits its turn (its rank is its order among those waiting).
    case waiting = "en_attente"
    case refused = "refusee"
    /// Withdrawn by the family.
    case cancelled = "annulee"

    public var label: String {
        switch self {
        case .confirmed: "Confirmée"
        case .waiting: "Sur liste d'attente"
        case .refused: "Refusée"
        case .cancelled: "Annulée"
        }
    }

    /// Holding a place or waiting for one.
    public var isActive: Bool { self == .confirmed || self == .waiting }
}
