/// The cookies the portal sets; all strictly necessary, listed on the personal-data page.
enum CookieNames {
    /// The log-in session token (HttpOnly; only its hash is stored on the server).
    static let session = "portail_session"
    /// The random value anonymous forms' anti-forgery tokens are bound to.
    static let anonymousCSRF = "portail_csrf"
    /// The commune the visitor chose, by INSEE code.
    static let commune = "portail_commune"
    /// Followed by an operation id: that operation's payer token, for the built-in PayFiP
    /// simulator's page only (see ``PayFiPSimulatorHandlers``). Not on the personal-data page,
    /// which describes the portal connected to PayFiP, where no such cookie exists.
    static let payFiPSimulatorPayer = "payfip_sim_"
}
