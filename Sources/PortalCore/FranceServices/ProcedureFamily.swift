/// The families of procedures a mandate covers: what a resident lets an adviser do for them.
public enum ProcedureFamily: String, Sendable, Hashable, CaseIterable, Codable {
    case papers = "papiers"
    case family = "famille"
    case social = "social"
    case housing = "logement"
    case waste = "dechets"
    case planning = "urbanisme"
    /// Seeing invoices and recording that they were paid at a counter.
    case payments = "paiements"

    public var label: String {
        switch self {
        case .papers: "Papiers (état civil, identité, élections)"
        case .family: "Famille (enfance, inscriptions, foyer)"
        case .social: "Social et emploi"
        case .housing: "Logement et vie quotidienne"
        case .waste: "Déchets"
        case .planning: "Urbanisme"
        case .payments: "Factures et paiements"
        }
    }

    /// The family of a catalogue category (its id in `procedures.json`).
    public static func of(category: String) -> ProcedureFamily {
        switch category {
        case "etat-civil", "papiers-identite", "elections-citoyennete": .papers
        case "famille-enfance": .family
        case "social-emploi", "associations": .social
        case "dechets": .waste
        case "urbanisme": .planning
        default: .housing
        }
    }
}
