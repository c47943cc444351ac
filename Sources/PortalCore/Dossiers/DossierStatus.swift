/// Where a dossier stands. Stored by raw value; shown to people by ``label``.
public enum DossierStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Being filled in by the resident; not yet received by anyone.
    case draft = "brouillon"
    /// Filed: the legal date of filing is set and the acknowledgement sent.
    case filed = "depose"
    /// An agent of the handling organisation is working on it.
    case inReview = "en_instruction"
    /// Waiting for documents the agent asked for.
    case awaitingDocuments = "en_attente_de_pieces"
    case accepted = "accepte"
    case refused = "refuse"
    /// Closed without a decision (withdrawn, duplicate, no answer from the resident).
    case closedWithoutFollowUp = "sans_suite"

    /// The status in plain French.
    public var label: String {
        switch self {
        case .draft: "Brouillon"
        case .filed: "Déposé"
        case .inReview: "En instruction"
        case .awaitingDocuments: "En attente de pièces"
        case .accepted: "Accepté"
        case .refused: "Refusé"
        case .closedWithoutFollowUp: "Sans suite"
        }
    }

    /// Whether the dossier is finished (a decision or a closing).
    public var isClosed: Bool {
        switch self {
        case .accepted, .refused, .closedWithoutFollowUp: true
        case .draft, .filed, .inReview, .awaitingDocuments: false
        }
    }
}
