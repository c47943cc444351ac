import PortalCore
import PortalHTTP

/// The table of routes. Paths are French and stable: bookmarks, e-mails and tests rely on them.
struct PortalRoutes {
    let contextFactory: RequestContextFactory
    let catalogueHandlers: CatalogueHandlers
    let communeHandlers: CommuneHandlers
    let accountHandlers: AccountHandlers
    let activationHandlers: ActivationHandlers
    let profileHandlers: ProfileHandlers
    let spaceHandlers: SpaceHandlers
    let legalHandlers: LegalHandlers
    let filingHandlers: FilingHandlers
    let agentHandlers: AgentHandlers
    let agentDossierHandlers: AgentDossierHandlers
    let dossierPages: DossierPages
    let residentInvoiceHandlers: ResidentInvoiceHandlers
    let agentInvoiceHandlers: AgentInvoiceHandlers
    let agentInvoiceFormHandlers: AgentInvoiceFormHandlers
    let agentInvoicePageHandlers: AgentInvoicePageHandlers
    let agentInvoiceImportHandlers: AgentInvoiceImportHandlers
    let paymentReturnHandlers: PaymentReturnHandlers
    /// « Mon foyer », « Inscriptions » and the agents' registration lists.
    let householdRoutes: HouseholdRoutes
    let guichetRoutes: GuichetRoutes
    /// Present when the built-in PayFiP simulator takes the payments.
    let simulatorHandlers: PayFiPSimulatorHandlers?
    /// The simulator's SOAP service, present with its pages.
    let simulatorSOAPService: PayFiPSimulatorSOAPService?
    let staticFiles: StaticFiles
    let database: PortalDatabase
    /// Shares the anonymous renderings of the information pages.
    let cache: PageCache

    /// Every route, inside the middleware every response goes through: security headers (outermost),
    /// compression, then the error pages, so that errors and the router's 404 and 405 get both too, and the
    /// session check inside them.
    /// Every route, inside the middleware every response goes through: security headers (outermost),
    /// compression, then the error pages, so that errors and the router's 404 and 405 get both too, and the
    /// session check inside them.
    func routes(errorPages: ErrorPages, securityHeaders: SecurityHeaders) -> SiteRoutes {
        var routes = SiteRoutes()
        routes.add(middleware: securityHeaders)
        routes.add(middleware: Compression())
        routes.add(middleware: errorPages)
        routes.add(middleware: SessionCheck())
        let cache = self.cache
        /// Registers a page handler that works from the request's context.
        func page(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse) {
            routes.add(method, pattern) { _, context in try handler(context, context.parameters) }
        }
        /// Registers a page showing a form that may be posted without an account: it issues the
        /// anonymous anti-forgery cookie when the visitor has none.
        func formPage(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse) {
            routes.add(method, pattern, keepsAnswersWhenStale: true) { _, context in
                try handler(context.issuingFormBinding(), context.parameters)
            }
        }
        /// Registers an information page whose anonymous renderings are shared through `cache`.
        func publicPage(_ pattern: String, _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse) {
            routes.add(.GET, pattern) { _, context in
                try cache.response(for: context) { try handler(context, context.parameters) }
            }
        }

        let spaceRoutes = SpaceRoutes()
        /// Registers a page of a signed-in space (see ``SpaceRoutes``).
        func spacePage(_ method: HTTPMethod, _ pattern: String, keepsAnswersWhenStale: Bool = false,
                       _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse) {
            spaceRoutes.add(method, pattern, to: &routes, keepsAnswersWhenStale: keepsAnswersWhenStale, handler)
        }
        /// Registers a page of a signed-in space about the object `{id}`.
        func objectPage(_ method: HTTPMethod, _ pattern: String, keepsAnswersWhenStale: Bool = false,
                        _ handler: @escaping @Sendable (RequestContext, Int64, RouteParameters) throws -> HTTPResponse) {
            spaceRoutes.add(method, pattern, to: &routes, keepsAnswersWhenStale: keepsAnswersWhenStale) { context, parameters in
                try handler(context, try parameters.id("id"), parameters)
            }
        }

        let catalogue = catalogueHandlers, communes = communeHandlers, accounts = accountHandlers, profile = profileHandlers
        let spaces = spaceHandlers, legal = legalHandlers, filing = filingHandlers, dossiers = dossierPages
        let agent = agentHandlers, agentDossier = agentDossierHandlers
        let residentInvoices = residentInvoiceHandlers, paymentReturn = paymentReturnHandlers

        publicPage("/") { context, _ in try catalogue.home(context) }
        publicPage("/demarches") { context, _ in try catalogue.catalogue(context) }
        publicPage("/demarches/{slug}") { context, parameters in try catalogue.procedure(context, slug: parameters["slug"] ?? "") }
        publicPage("/communes") { context, _ in try communes.communes(context) }
        publicPage("/communes/{insee}") { context, parameters in try communes.commune(context, insee: parameters["insee"] ?? "") }
        publicPage("/qui-fait-quoi") { context, _ in try communes.whoDoesWhat(context) }

        formPage(.GET, "/inscription") { context, _ in accounts.signUpForm(context) }
        formPage(.POST, "/inscription") { context, _ in try accounts.signUp(context) }
        formPage(.GET, "/connexion") { context, _ in accounts.logInForm(context) }
        formPage(.POST, "/connexion") { context, _ in try accounts.logIn(context) }
        page(.POST, "/deconnexion") { context, _ in try accounts.logOut(context) }
        let activation = activationHandlers
        formPage(.GET, ActivationHandlers.path) { context, _ in activation.show(context) }
        formPage(.POST, ActivationHandlers.path) { context, _ in try activation.activate(context) }

        spacePage(.GET, "/mon-espace") { context, _ in try dossiers.dashboard(context) }
        spacePage(.GET, ProfileHandlers.path) { context, _ in try profile.show(context) }
        spacePage(.POST, ProfileHandlers.path, keepsAnswersWhenStale: true) { context, _ in try profile.save(context) }
        page(.POST, "/demarches/{slug}/demande") { context, parameters in try filing.start(context, slug: parameters["slug"] ?? "") }
        objectPage(.GET, "/mon-espace/demandes/{id}") { context, id, _ in try filing.resume(context, id: id) }
        objectPage(.GET, "/mon-espace/demandes/{id}/pages/{page}") { context, id, parameters in
            try filing.showPage(context, id: id, pageId: parameters["page"] ?? "")
        }
        objectPage(.POST, "/mon-espace/demandes/{id}/pages/{page}", keepsAnswersWhenStale: true) { context, id, parameters in
            try filing.answerPage(context, id: id, pageId: parameters["page"] ?? "")
        }
        objectPage(.GET, "/mon-espace/demandes/{id}/verifier") { context, id, _ in try filing.checkAnswers(context, id: id) }
        objectPage(.GET, "/mon-espace/demandes/{id}/fin") { context, id, _ in try filing.ending(context, id: id) }
        objectPage(.POST, "/mon-espace/demandes/{id}/deposer") { context, id, _ in try filing.submit(context, id: id) }
        objectPage(.GET, "/mon-espace/dossiers/{id}") { context, id, _ in try dossiers.dossier(context, id: id) }
        objectPage(.POST, "/mon-espace/dossiers/{id}/pieces/{request}") { context, id, parameters in
            try dossiers.supply(context, id: id, requestId: try parameters.id("request"))
        }
        objectPage(.POST, "/mon-espace/dossiers/{id}/message") { context, id, _ in try dossiers.message(context, id: id) }
        objectPage(.GET, "/mon-espace/dossiers/{id}/documents/{file}") { context, id, parameters in
            try dossiers.document(context, dossierId: id, fileId: try parameters.id("file"))
        }
        spacePage(.GET, ResidentInvoiceHandlers.listPath) { context, _ in try residentInvoices.list(context) }
        objectPage(.GET, "/mon-espace/factures/{id}") { context, id, _ in try residentInvoices.show(context, id: id) }
        objectPage(.GET, "/mon-espace/factures/{id}/facture.pdf") { context, id, _ in try residentInvoices.pdf(context, id: id) }
        objectPage(.POST, "/mon-espace/factures/{id}/payer") { context, id, _ in try residentInvoices.pay(context, id: id) }
        objectPage(.GET, "/mon-espace/factures/{id}/recus/{payment}") { context, id, parameters in
            try residentInvoices.receipt(context, id: id, paymentId: try parameters.id("payment"))
        }
        routes.addUnprotected(.POST, PaymentGateway.notificationPath,
                              because: "PayFiP's server-to-server notification: nothing is believed until PayFiP is asked") {
            request, _ in try paymentReturn.notification(request)
        }
        page(.GET, PaymentGateway.returnPath) { context, _ in try paymentReturn.payerReturn(context) }
        routes.addUnprotected(.POST, PaymentGateway.returnPath,
                              because: "the payer's return posted by PayFiP's page, another site: PayFiP is asked for the result") {
            _, context in try paymentReturn.payerReturn(context)
        }
        if let simulator = simulatorHandlers {
            page(.GET, PayFiPSimulatorHandlers.pagePath) { context, _ in try simulator.page(context) }
            routes.addUnprotected(.POST, PayFiPSimulatorHandlers.pagePath,
                                  because: "the simulator's payment page, PayFiP's stand-in: its payer cookie (SameSite=Strict) authenticates it") {
                _, context in try simulator.finish(context)
            }
        }
        if let soap = simulatorSOAPService {
            routes.addUnprotected(.POST, PayFiPSimulatorSOAPService.path,
                                  because: "the simulator's SOAP service, called with the key the portal holds") {
                request, _ in soap.respond(to: request)
            }
        }
        spacePage(.GET, "/agent") { context, _ in try agent.queue(context) }
        spacePage(.GET, "/agent/export.csv") { context, _ in try agent.export(context) }
        objectPage(.GET, "/agent/dossiers/{id}") { context, id, _ in try agentDossier.show(context, id: id) }
        objectPage(.POST, "/agent/dossiers/{id}/action") { context, id, _ in try agentDossier.act(context, id: id) }
        objectPage(.POST, "/agent/dossiers/{id}/pieces") { context, id, _ in try agentDossier.requestDocument(context, id: id) }
        objectPage(.POST, "/agent/dossiers/{id}/pieces/{request}/verification") { context, id, parameters in
            try agentDossier.reviewDocument(context, id: id, requestId: try parameters.id("request"))
        }
        objectPage(.POST, "/agent/dossiers/{id}/attribution") { context, id, _ in try agentDossier.assign(context, id: id) }
        objectPage(.POST, "/agent/dossiers/{id}/note") { context, id, _ in try agentDossier.write(context, id: id, isInternal: true) }
        objectPage(.POST, "/agent/dossiers/{id}/message") { context, id, _ in try agentDossier.write(context, id: id, isInternal: false) }
        objectPage(.GET, "/agent/dossiers/{id}/documents/{file}") { context, id, parameters in
            try dossiers.document(context, dossierId: id, fileId: try parameters.id("file"))
        }
        let agentInvoices = agentInvoiceHandlers, agentInvoiceForm = agentInvoiceFormHandlers
        let agentInvoice = agentInvoicePageHandlers, agentInvoiceImport = agentInvoiceImportHandlers
        spacePage(.GET, AgentInvoicePaths.list) { context, _ in try agentInvoices.list(context) }
        spacePage(.GET, AgentInvoicePaths.export) { context, _ in try agentInvoices.export(context) }
        spacePage(.GET, AgentInvoicePaths.paymentsExport) { context, _ in try agentInvoices.paymentsExport(context) }
        spacePage(.GET, AgentInvoicePaths.new) { context, _ in try agentInvoiceForm.show(context) }
        spacePage(.POST, AgentInvoicePaths.new, keepsAnswersWhenStale: true) { context, _ in try agentInvoiceForm.issue(context) }
        spacePage(.GET, AgentInvoicePaths.importFile) { context, _ in try agentInvoiceImport.show(context) }
        spacePage(.POST, AgentInvoicePaths.importFile) { context, _ in try agentInvoiceImport.importFile(context) }
        objectPage(.GET, "/agent/factures/{id}") { context, id, _ in try agentInvoice.show(context, id: id) }
        objectPage(.POST, "/agent/factures/{id}/encaissement") { context, id, _ in try agentInvoice.recordPayment(context, id: id) }
        objectPage(.POST, "/agent/factures/{id}/annulation") { context, id, _ in try agentInvoice.cancel(context, id: id) }
        objectPage(.POST, "/agent/factures/{id}/recouvrement") { context, id, _ in try agentInvoice.sendToCollection(context, id: id) }
        objectPage(.GET, "/agent/factures/{id}/recus/{payment}") { context, id, parameters in
            try agentInvoice.receipt(context, id: id, paymentId: try parameters.id("payment"))
        }
        householdRoutes.add(to: &routes, spaces: spaceRoutes)
        guichetRoutes.register(into: &routes, spaces: spaceRoutes)
        spacePage(.GET, "/admin") { context, _ in try spaces.show(.admin, context) }

        publicPage("/accessibilite") { context, _ in legal.show(template: "legal/accessibility", title: "Déclaration d'accessibilité", context) }
        publicPage("/mentions-legales") { context, _ in legal.show(template: "legal/legal-notice", title: "Mentions légales", context) }
        publicPage("/donnees-personnelles") { context, _ in legal.show(template: "legal/personal-data", title: "Données personnelles", context) }

        let staticFiles = self.staticFiles
        routes.get("/static/*") { request, context in
            guard let response = staticFiles.response(for: request, relativePath: context.parameters["*"] ?? "") else { throw PageNotFound() }
            return response
        }
        let database = self.database
        routes.get("/healthz") { _, _ in
            try database.healthCheck()
            var response = HTTPResponse.text("ok")
            response.headers["Cache-Control"] = "no-store"
            return response
        }

        return routes
    }
}
