/// What an account is allowed to do.
public enum Role: String, Codable, Sendable, Hashable, CaseIterable {
    /// A resident (usager): their own account, household, dossiers, invoices.
    case resident
    /// An agent of one organisation (a mairie, a CCTOVAL service).
    case agent
    /// A France Services adviser, acting for residents under a mandate.
    case franceServices = "france_services"
    /// A CCTOVAL administrator.
    case admin

    /// The role's name in French, as shown to users.
    public var label: String {
        switch self {
        case .resident: "Habitant"
        case .agent: "Agent"
        case .franceServices: "Conseiller France Services"
        case .admin: "Administrateur"
        }
    }
}
