/// Where a dossier's pages live, for its resident and its agents (a draft's: ``FilingPlace``).
enum DossierPaths {
    /// The resident's page of dossier `id`.
    static func resident(_ id: Int64) -> String { "/mon-espace/dossiers/\(id)" }
    /// The handling agents' page of dossier `id`.
    static func agent(_ id: Int64) -> String { "/agent/dossiers/\(id)" }
}
