import PortalCore

/// The site's fixed addresses as templates name them, `{{paths.invoices}}`: every rendering finds
/// `paths` at the bottom of its stack. Each comes from its feature's path builder, so a template's
/// link cannot drift from its route.
enum SitePaths {
    /// The addresses by the name templates give them.
    static let byName: [String: String] = [
        "home": "/",
        "catalogue": CataloguePaths.catalogue,
        "communes": CataloguePaths.communes,
        "whoDoesWhat": CataloguePaths.whoDoesWhat,
        "accessibility": CataloguePaths.accessibility,
        "legalNotice": CataloguePaths.legalNotice,
        "personalData": CataloguePaths.personalData,
        "signUp": AccountPaths.signUp,
        "activation": AccountPaths.activation,
        "logIn": AccountPaths.logIn,
        "logOut": AccountPaths.logOut,
        "residentSpace": Space.resident.path,
        "profile": ProfileController.path,
        "invoices": ResidentInvoiceController.listPath,
        "household": HouseholdPaths.household,
        "registrations": RegistrationPaths.resident,
        "franceServicesPage": ResidentFranceServicesController.path,
        "agentSpace": Space.agent.path,
        "agentInvoices": AgentInvoicePaths.list,
        "newInvoice": AgentInvoicePaths.new,
        "invoiceImport": AgentInvoicePaths.importFile,
        "paymentsExport": AgentInvoicePaths.paymentsExport,
        "agentRegistrations": RegistrationPaths.agent,
        "desk": FranceServicesPaths.home,
        "simulatorPayment": PayFiPSimulatorController.pagePath,
        "admin": AdminPaths.home,
        "staff": AdminPaths.staff,
        "organisations": AdminPaths.organisations,
        "journal": AdminPaths.journal,
        "adminProcedures": AdminPaths.procedures,
        "regies": AdminPaths.regies,
        "adminActivities": AdminPaths.activities,
    ]

    /// What every rendering finds under its values.
    static var templateGlobals: [String: Any] { ["paths": byName] }
}
