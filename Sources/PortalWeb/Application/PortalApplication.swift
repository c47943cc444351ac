import Foundation
import Logging
import PortalCore
import PortalHTTP

/// The portal's web application: every route, wired to the core use cases.
///
/// Built once at start-up (templates parsed, static files loaded, reference data in memory),
/// it yields an immutable ``HTTPResponder`` for the server.
public struct PortalApplication: Sendable {
    /// The responder to give the HTTP server: the router, with its middleware.
    public let responder: any HTTPResponder
    /// Every route the portal answers.
    public let routes: [RouteDescription]
    /// The routes that change something without an anti-forgery token, with why (they carry their own
    /// authentication); every other POST route verifies the token.
    public let routesWithoutFormToken: [RouteDescription: String]
    /// The routes that, given a stale token, show their form again with the answers kept (and do nothing).
    public let routesShowingStaleForms: Set<RouteDescription>
    /// The key the built-in PayFiP simulator's SOAP service asks of its callers
    /// (``PayFiPWebService/simulatorKeyHeader``), drawn at each start and kept in memory: only
    /// code in this process, such as a test of the real SOAP client, can call that service. Nil
    /// when PayFiP takes the payments.
    public let payFiPSimulatorKey: String?
    /// The reference data the pages show; ``Catalogue/followImports()`` reads an import's changes.
    public let catalogue: Catalogue
    private let payments: PaymentGateway

    /// - Parameter hasher: how new passwords are hashed (tests pass cheaper parameters).
    public init(
        database: PortalDatabase,
        configuration: WebConfiguration,
        hasher: PasswordHasher = PasswordHasher(),
        logger: Logger = Logger(label: "portal.web")
    ) throws {
        let clock = configuration.now
        let catalogue = try Catalogue(database: database, today: { CalendarDay(clock()) })
        let links = configuration.siteMap
        let accounts = Accounts(database: database, hasher: hasher)
        let csrf = CSRFProtection(secret: try database.secretKey(named: "csrf"))
        let staticFiles = try StaticFiles(directory: configuration.resourcesDirectory.appendingPathComponent("static"))
        let contextFactory = RequestContextFactory(
            accounts: accounts, catalogue: catalogue, csrf: csrf,
            cookies: PortalCookies(secure: configuration.isServedOverHTTPS), now: configuration.now
        )
        let pages = PageRenderer(
            templates: try TemplateRenderer(
                directory: configuration.resourcesDirectory.appendingPathComponent("templates"),
                observer: configuration.renderingObserver),
            staticFiles: staticFiles,
            contextFactory: contextFactory
        )
        let dossiers = try Dossiers(database: database, catalogue: catalogue, links: links)
        let spaces = Spaces(catalogue: catalogue)
        let invoices = Invoices(database: database, catalogue: catalogue, links: links)
        let households = try Households(database: database, links: links)
        let registrations = Registrations(database: database, catalogue: catalogue, links: links)
        let payment = try PaymentSetup(configuration, database: database)
        let gateway = PaymentGateway(invoices: invoices, provider: payment.provider, links: links,
                                     payerCookies: payment.payerCookies)
        let filing = FilingController(dossiers: dossiers, catalogue: catalogue, pages: pages, now: configuration.now)
        let dossierPages = DossierPages(dossiers: dossiers, catalogue: catalogue, pages: pages, now: configuration.now)
        let desk = FranceServicesDesk(
            franceServices: FranceServices(database: database, catalogue: catalogue, links: links),
            catalogue: catalogue, pages: pages, now: configuration.now)
        let now = configuration.now
        let collections: [any RouteCollection] = [
            CatalogueRoutes(
                catalogue: CatalogueController(catalogue: catalogue, forms: dossiers.forms, pages: pages),
                communes: CommuneController(catalogue: catalogue, pages: pages),
                legal: LegalController(catalogue: catalogue, pages: pages), cache: PageCache(version: { [catalogue] in catalogue.snapshot.version })),
            AccountRoutes(
                accounts: AccountController(accounts: accounts, catalogue: catalogue, pages: pages, now: now),
                activation: ActivationController(accounts: accounts, pages: pages, now: now),
                activationLink: ActivationLinkController(accounts: accounts, pages: pages, cookies: contextFactory.cookies, now: now),
                profile: ProfileController(accounts: accounts, spaces: spaces, catalogue: catalogue, pages: pages, now: now)),
            ResidentSpaceRoutes(dashboard: DashboardController(dossiers: dossiers, spaces: spaces, pages: pages, now: now)),
            FilingRoutes(filing: filing, dossiers: dossierPages),
            AgentDossierRoutes(
                queue: AgentController(dossiers: dossiers, spaces: spaces, catalogue: catalogue, pages: pages, now: now),
                dossier: AgentDossierController(dossiers: dossiers, catalogue: catalogue, pages: pages, now: now),
                documents: dossierPages),
            InvoiceRoutes(
                resident: ResidentInvoiceController(invoices: invoices, payments: gateway, pages: pages, links: links, now: now),
                list: AgentInvoiceController(invoices: invoices, spaces: spaces, pages: pages, now: now),
                form: AgentInvoiceFormController(invoices: invoices, pages: pages, now: now),
                page: AgentInvoicePageController(invoices: invoices, pages: pages, now: now),
                importing: AgentInvoiceImportController(invoices: invoices, pages: pages, now: now),
                paymentReturn: PaymentReturnController(payments: gateway, pages: pages, now: now),
                simulator: payment.simulator.map { PayFiPSimulatorController(simulator: $0, pages: pages, secureCookies: configuration.isServedOverHTTPS) },
                simulatorSOAPService: payment.simulatorSOAPService),
            HouseholdRoutes(households: households, registrations: registrations, catalogue: catalogue, spaces: spaces, pages: pages, now: now),
            FranceServicesRoutes(
                home: FranceServicesHomeController(desk: desk),
                accounts: FranceServicesAccountController(desk: desk, links: links),
                residents: FranceServicesResidentController(desk: desk),
                invoices: FranceServicesInvoiceController(desk: desk, invoices: invoices),
                documents: FranceServicesDocumentController(desk: desk, dossiers: dossiers),
                household: FranceServicesHouseholdController(desk: desk, households: households, registrations: registrations),
                filing: FranceServicesFilingController(desk: desk, dossiers: dossiers, filing: filing, dossierPages: dossierPages),
                receipts: FranceServicesReceiptController(desk: desk),
                residentSpace: ResidentFranceServicesController(
                    franceServices: desk.franceServices, accounts: accounts, spaces: spaces, catalogue: catalogue, pages: pages, now: now)),
            AdminRoutes(home: AdminHomeController(spaces: spaces, catalogue: catalogue, pages: pages),
                        staff: StaffController(accounts: accounts, catalogue: catalogue, pages: pages, links: links, now: now),
                        deactivation: StaffDeactivationController(accounts: accounts, pages: pages, now: now),
                        organisations: OrganisationController(catalogue: catalogue, pages: pages, now: now),
                        journal: JournalController(journal: Journal(database: database), accounts: accounts, catalogue: catalogue,
                                                   pages: pages, now: now),
                        procedures: ProcedureController(catalogue: catalogue, pages: pages, now: now),
                        regies: RegieController(invoices: invoices, catalogue: catalogue, pages: pages, now: now),
                        activities: ActivityController(registrations: registrations, catalogue: catalogue, pages: pages, now: now)),
        ]
        let site = PortalRoutes(collections: collections, staticFiles: staticFiles, database: database        ).routes(
            errorPages: ErrorPages(pages: pages, logger: logger),
            securityHeaders: SecurityHeaders(formTargets: payment.formTargets, strictTransport: configuration.isServedOverHTTPS))
        let router = site.builder.build(context: { contextFactory.context(for: $0) })
        payments = gateway
        self.catalogue = catalogue
        payFiPSimulatorKey = payment.simulatorSOAPService?.key
        responder = router
        routes = router.routes
        routesWithoutFormToken = site.unprotected
        routesShowingStaleForms = site.showingStaleForms
    }
}

extension PortalApplication {
    /// Asks the payment provider again about online payments still pending (a notification
    /// lost, a payer who closed the tab); returns how many got their result. Run every minute.
    public func recheckPendingPayments(now: Date) throws -> Int {
        try payments.invoices.recheckPendingPayments(provider: payments.provider, now: now)
    }
}
