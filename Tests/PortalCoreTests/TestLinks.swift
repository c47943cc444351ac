import PortalCore

/// The links the core's e-mails carry in tests, shaped like the site's (`PortalWeb.SiteMap`).
struct TestLinks: PortalLinks {
    let base = "http://127.0.0.1:8080"

    func residentDossier(_ id: Int64) -> String { "\(base)/mon-espace/dossiers/\(id)" }
    func agentDossier(_ id: Int64) -> String { "\(base)/agent/dossiers/\(id)" }
    func draft(_ id: Int64) -> String { "\(base)/mon-espace/demandes/\(id)" }
    func residentInvoice(_ id: Int64) -> String { "\(base)/mon-espace/factures/\(id)" }
    func residentRegistrations() -> String { "\(base)/mon-espace/inscriptions" }
    func householdInvitation(token: String) -> String { "\(base)/mon-espace/foyer/invitation/\(token)" }
    func activation() -> String { "\(base)/activation" }
    func accountActivation(token: String) -> String { "\(base)/activation/\(token)" }
    func simulatorPayment(operationId: String) -> String { "\(base)/payfip-sim/paiement?idop=\(operationId)" }
}
