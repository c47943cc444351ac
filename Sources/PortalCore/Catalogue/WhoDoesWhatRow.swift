/// One row of the "qui fait quoi" table: a procedure, who handles it by
/// default, and the communes where someone else does (or nobody).
public struct WhoDoesWhatRow: Sendable, Hashable {
    /// A commune where the default handler does not apply.
    public struct CommuneException: Sendable, Hashable {
        /// The commune concerned.
        public var commune: Commune
        /// Who handles the procedure there.
        public var resolution: HandlerResolution
    }

    /// The procedure.
    public var procedure: ProcedureSummary
    /// The default handler in plain French ("La mairie de votre commune", "ANTS — accueil : …").
    public var defaultHandler: String
    /// The default organisation; nil when it is each commune's mairie.
    public var defaultOrganisation: Organisation?
    /// The communes with an exception, in commune order.
    public var exceptions: [CommuneException]
}
