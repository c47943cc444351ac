/// Where a dossier's pages live, for its resident, its agents, and while it is a draft.
enum DossierPaths {
    /// The resident's page of dossier `id`.
    static func resident(_ id: Int64) -> String { "/mon-espace/dossiers/\(id)" }
    /// The handling agents' page of dossier `id`.
    static func agent(_ id: Int64) -> String { "/agent/dossiers/\(id)" }
    /// The draft `id`, where its resident goes on answering.
    static func draft(_ id: Int64) -> String { "/mon-espace/demandes/\(id)" }
}
