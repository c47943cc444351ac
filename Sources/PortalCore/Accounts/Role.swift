/// What an account is allowed to do.
public enum Role: String, Codable, Sendable, Hashable, CaseIterable {
    /// A resident (usager): their own account, household, dossiers, invoices.
    case resident
    /// An agent of one or more organisations (mairies, CCTOVAL services).
    case agent
    /// An organisation manager: an agent who also keeps their organisations' details, agents and
    /// journal in the administration, and nothing else there.
    case manager
    /// A France Services adviser, acting for residents under a mandate.
    case franceServices = "france_services"
    /// A CCTOVAL administrator.
    case admin

    /// The role's name in French, as shown to users.
    public var label: String {
        switch self {
        case .resident: "Habitant"
        case .agent: "Agent"
        case .manager: "Responsable d'organisation"
        case .franceServices: "Conseiller France Services"
        case .admin: "Administrateur"
        }
    }

    /// Agents and managers: they process the dossiers of the organisations they belong to.
    public static let processingDossiers: [Role] = [.agent, .manager]

    /// `role IN ('agent', 'manager')`, for queries looking for who processes dossiers.
    static let processingDossiersSQL = "role IN ('agent', 'manager')"
}
