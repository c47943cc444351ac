import PortalCore

/// The addresses the portal builds links to from outside a page — e-mails, payment orders, printed sheets —
/// in one place: each absolute address is the public address followed by the path its page is routed at.
/// It is the ``PortalLinks`` the core's use cases receive, so PortalCore holds no path of the site.
public struct SiteMap: PortalLinks {
    /// The portal's public address, without a final slash.
    public let base: String

    /// - Parameter publicURL: the portal's address as people reach it (`--public-url`).
    public init(publicURL: String) {
        base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    public func residentDossier(_ id: Int64) -> String { base + DossierPaths.resident(id) }
    public func agentDossier(_ id: Int64) -> String { base + DossierPaths.agent(id) }
    public func draft(_ id: Int64) -> String { base + FilingPlace.residentSpace.draft(id) }
    public func residentInvoice(_ id: Int64) -> String { base + ResidentInvoiceController.path(id) }
    public func residentRegistrations() -> String { base + RegistrationPaths.resident }
    public func householdInvitation(token: String) -> String { base + HouseholdPaths.invitation(token: token) }
    public func activation() -> String { base + AccountPaths.activation }
    public func accountActivation(token: String) -> String { base + AccountPaths.activationLink(token: token) }
    public func simulatorPayment(operationId: String) -> String { base + PayFiPSimulatorController.pagePath + "?idop=" + operationId }
}
