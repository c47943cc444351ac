/// Where a dossier was filed.
public enum DossierChannel: String, Sendable, Hashable, CaseIterable {
    /// By the resident, on the portal.
    case online = "en_ligne"
    /// By a France Services adviser for the resident, under their mandate.
    case counter = "guichet"

    public var label: String {
        switch self {
        case .online: "En ligne"
        case .counter: "Au guichet France Services"
        }
    }

    /// The channel of a dossier filed by `actor`.
    static func of(_ actor: Account?) -> DossierChannel {
        actor?.franceServicesAdviser == nil ? .online : .counter
    }
}
