/// The addresses the core's e-mails and payments lead to, given by the web layer (its site map): PortalCore
/// knows no path of the site, nor where it is served.
///
/// Every address is absolute (`https://demarches.cctoval.fr/mon-espace/dossiers/42`), since it leaves the
/// portal in an e-mail or a payment order.
public protocol PortalLinks: Sendable {
    /// The portal's public address, without a final slash.
    var base: String { get }
    /// A resident's page of their dossier.
    func residentDossier(_ id: Int64) -> String
    /// The handling agents' page of a dossier.
    func agentDossier(_ id: Int64) -> String
    /// A resident's draft request, to finish it.
    func draft(_ id: Int64) -> String
    /// A payer's page of their invoice.
    func residentInvoice(_ id: Int64) -> String
    /// A resident's list of registrations.
    func residentRegistrations() -> String
    /// The household invitation carrying `token`.
    func householdInvitation(token: String) -> String
    /// The page where an account made at a France Services counter gets its password.
    func activation() -> String
    /// The one-time link with which an account created without a password chooses one.
    func accountActivation(token: String) -> String
    /// The built-in PayFiP simulator's payment page for an operation.
    func simulatorPayment(operationId: String) -> String
}
