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
    private let payments: PaymentGateway

    /// - Parameter hasher: how new passwords are hashed (tests pass cheaper parameters).
    public init(
        database: PortalDatabase,
        configuration: WebConfiguration,
        hasher: PasswordHasher = PasswordHasher(),
        logger: Logger = Logger(label: "portal.web")
    ) throws {
        let catalogue = try Catalogue(database: database)
        let links = configuration.siteMap
        let accounts = Accounts(database: database, hasher: hasher)
        let csrf = CSRFProtection(secret: try database.secretKey(named: "csrf"))
        let staticFiles = try StaticFiles(directory: configuration.resourcesDirectory.appendingPathComponent("static"))
        let contextFactory = RequestContextFactory(
            accounts: accounts, catalogue: catalogue, csrf: csrf,
            cookies: PortalCookies(secure: configuration.isServedOverHTTPS), now: configuration.now
        )
        let pages = PageRenderer(
            templates: try TemplateRenderer(directory: configuration.resourcesDirectory.appendingPathComponent("templates")),
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
        let filing = FilingHandlers(dossiers: dossiers, catalogue: catalogue, pages: pages, now: configuration.now)
        let dossierPages = DossierPages(dossiers: dossiers, invoices: invoices, spaces: spaces, catalogue: catalogue, pages: pages,
                                        now: configuration.now)
        let desk = FranceServicesDesk(
            franceServices: FranceServices(database: database, catalogue: catalogue, links: links),
            catalogue: catalogue, pages: pages, now: configuration.now)
        let now = configuration.now
        let collections: [any RouteCollection] = [
            CatalogueRoutes(
                catalogue: CatalogueHandlers(catalogue: catalogue, onlineProcedures: try dossiers.forms.procedureSlugs(), pages: pages),
                communes: CommuneHandlers(catalogue: catalogue, pages: pages),
                legal: LegalHandlers(catalogue: catalogue, pages: pages), cache: PageCache()),
            AccountRoutes(
                accounts: AccountHandlers(accounts: accounts, catalogue: catalogue, pages: pages, now: now),
                activation: ActivationHandlers(accounts: accounts, pages: pages, now: now),
                profile: ProfileHandlers(accounts: accounts, spaces: spaces, catalogue: catalogue, pages: pages, now: now)),
            FilingRoutes(filing: filing, dossiers: dossierPages),
            AgentDossierRoutes(
                queue: AgentHandlers(dossiers: dossiers, spaces: spaces, catalogue: catalogue, pages: pages, now: now),
                dossier: AgentDossierHandlers(dossiers: dossiers, spaces: spaces, catalogue: catalogue, pages: pages, now: now),
                documents: dossierPages),
            InvoiceRoutes(
                resident: ResidentInvoiceHandlers(invoices: invoices, payments: gateway, spaces: spaces, pages: pages, links: links, now: now),
                list: AgentInvoiceHandlers(invoices: invoices, spaces: spaces, pages: pages, now: now),
                form: AgentInvoiceFormHandlers(invoices: invoices, spaces: spaces, pages: pages, now: now),
                page: AgentInvoicePageHandlers(invoices: invoices, spaces: spaces, pages: pages, now: now),
                importing: AgentInvoiceImportHandlers(invoices: invoices, spaces: spaces, pages: pages, now: now),
                paymentReturn: PaymentReturnHandlers(payments: gateway, pages: pages, now: now),
                simulator: payment.simulator.map { PayFiPSimulatorHandlers(simulator: $0, pages: pages, secureCookies: configuration.isServedOverHTTPS) },
                simulatorSOAPService: payment.simulatorSOAPService),
            HouseholdRoutes(households: households, registrations: registrations, catalogue: catalogue, spaces: spaces, pages: pages, now: now),
            FranceServicesRoutes(
                home: FranceServicesHomeHandlers(desk: desk),
                accounts: FranceServicesAccountHandlers(desk: desk, links: links),
                residents: FranceServicesResidentHandlers(desk: desk),
                invoices: FranceServicesInvoiceHandlers(desk: desk, invoices: invoices),
                documents: FranceServicesDocumentHandlers(desk: desk, dossiers: dossiers),
                household: FranceServicesHouseholdHandlers(desk: desk, households: households, registrations: registrations),
                filing: FranceServicesFilingHandlers(desk: desk, dossiers: dossiers, filing: filing, dossierPages: dossierPages),
                receipts: FranceServicesReceiptHandlers(desk: desk),
                residentSpace: ResidentFranceServicesHandlers(
                    franceServices: desk.franceServices, accounts: accounts, spaces: spaces, catalogue: catalogue, pages: pages, now: now)),
            AdminRoutes(spaces: SpaceHandlers(spaces: spaces, pages: pages)),
        ]
        let site = PortalRoutes(collections: collections, staticFiles: staticFiles, database: database        ).routes(
            errorPages: ErrorPages(pages: pages, logger: logger),
            securityHeaders: SecurityHeaders(formTargets: payment.formTargets, strictTransport: configuration.isServedOverHTTPS))
        let router = site.builder.build(context: { contextFactory.context(for: $0) })
        payments = gateway
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
