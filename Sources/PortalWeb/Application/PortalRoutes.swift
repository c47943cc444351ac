import PortalCore
import PortalHTTP

/// The table of routes. Paths are French and stable (DESIGN.md, "Stable routes").
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

    func router(errorPages: ErrorPages) -> Router {
        var routes = RouterBuilder()
        let factory = contextFactory, cache = self.cache
        /// Registers a page handler that works from the request's context.
        func page(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse) {
            routes.add(method, pattern) { request, parameters in
                try handler(factory.context(for: request), parameters)
            }
        }
        /// Registers a page showing a form that may be posted without an account: it issues the
        /// anonymous anti-forgery cookie when the visitor has none.
        func formPage(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse) {
            routes.add(method, pattern) { request, parameters in
                try handler(factory.context(for: request, issuingFormBinding: true), parameters)
            }
        }
        /// Registers an information page whose anonymous renderings are shared through `cache`.
        func publicPage(_ pattern: String, _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse) {
            routes.add(.GET, pattern) { request, parameters in
                let context = factory.context(for: request)
                return try cache.response(for: context) { try handler(context, parameters) }
            }
        }

        /// Registers a page of a signed-in space (a dossier's, by its `id`): a logged-out visitor
        /// logs in first, then comes back.
        func dossierPage(
            _ method: HTTPMethod, _ pattern: String,
            _ handler: @escaping @Sendable (RequestContext, Int64, RouteParameters) throws -> HTTPResponse
        ) {
            routes.add(method, pattern) { request, parameters in
                let context = factory.context(for: request)
                guard context.account != nil else {
                    let back = method == .GET ? request.path : "/mon-espace"
                    return HTTPResponse.redirect(to: "/connexion?next=\(back)")
                }
                guard let id = parameters["id"].flatMap(Int64.init) else { throw PageNotFound() }
                return try handler(context, id, parameters)
            }
        }

        /// Registers a page of the agent space without an id: a logged-out visitor logs in first.
        func agentPage(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping @Sendable (RequestContext) throws -> HTTPResponse) {
            routes.add(method, pattern) { request, _ in
                let context = factory.context(for: request)
                guard context.account != nil else {
                    return HTTPResponse.redirect(to: "/connexion?next=\(method == .GET ? request.path : "/agent")")
                }
                return try handler(context)
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

        page(.GET, "/mon-espace") { context, _ in try dossiers.dashboard(context) }
        page(.GET, ProfileHandlers.path) { context, _ in try profile.show(context) }
        page(.POST, ProfileHandlers.path) { context, _ in try profile.save(context) }
        page(.POST, "/demarches/{slug}/demande") { context, parameters in try filing.start(context, slug: parameters["slug"] ?? "") }
        dossierPage(.GET, "/mon-espace/demandes/{id}") { context, id, _ in try filing.resume(context, id: id) }
        dossierPage(.GET, "/mon-espace/demandes/{id}/pages/{page}") { context, id, parameters in
            try filing.showPage(context, id: id, pageId: parameters["page"] ?? "")
        }
        dossierPage(.POST, "/mon-espace/demandes/{id}/pages/{page}") { context, id, parameters in
            try filing.answerPage(context, id: id, pageId: parameters["page"] ?? "")
        }
        dossierPage(.GET, "/mon-espace/demandes/{id}/verifier") { context, id, _ in try filing.checkAnswers(context, id: id) }
        dossierPage(.GET, "/mon-espace/demandes/{id}/fin") { context, id, _ in try filing.ending(context, id: id) }
        dossierPage(.POST, "/mon-espace/demandes/{id}/deposer") { context, id, _ in try filing.submit(context, id: id) }
        dossierPage(.GET, "/mon-espace/dossiers/{id}") { context, id, _ in try dossiers.dossier(context, id: id) }
        dossierPage(.POST, "/mon-espace/dossiers/{id}/pieces/{request}") { context, id, parameters in
            guard let request = parameters["request"].flatMap(Int64.init) else { throw PageNotFound() }
            return try dossiers.supply(context, id: id, requestId: request)
        }
        dossierPage(.POST, "/mon-espace/dossiers/{id}/message") { context, id, _ in try dossiers.message(context, id: id) }
        dossierPage(.GET, "/mon-espace/dossiers/{id}/documents/{file}") { context, id, parameters in
            guard let file = parameters["file"].flatMap(Int64.init) else { throw PageNotFound() }
            return try dossiers.document(context, dossierId: id, fileId: file)
        }
        page(.GET, ResidentInvoiceHandlers.listPath) { context, _ in
            context.account == nil ? HTTPResponse.redirect(to: "/connexion?next=\(ResidentInvoiceHandlers.listPath)")
                : try residentInvoices.list(context)
        }
        dossierPage(.GET, "/mon-espace/factures/{id}") { context, id, _ in try residentInvoices.show(context, id: id) }
        dossierPage(.GET, "/mon-espace/factures/{id}/facture.pdf") { context, id, _ in try residentInvoices.pdf(context, id: id) }
        dossierPage(.POST, "/mon-espace/factures/{id}/payer") { context, id, _ in try residentInvoices.pay(context, id: id) }
        dossierPage(.GET, "/mon-espace/factures/{id}/recus/{payment}") { context, id, parameters in
            guard let payment = parameters["payment"].flatMap(Int64.init) else { throw PageNotFound() }
            return try residentInvoices.receipt(context, id: id, paymentId: payment)
        }
        routes.add(.POST, PaymentGateway.notificationPath) { request, _ in try paymentReturn.notification(request) }
        page(.GET, PaymentGateway.returnPath) { context, _ in try paymentReturn.payerReturn(context) }
        page(.POST, PaymentGateway.returnPath) { context, _ in try paymentReturn.payerReturn(context) }
        if let simulator = simulatorHandlers {
            page(.GET, PayFiPSimulator.pagePath) { context, _ in try simulator.page(context) }
            page(.POST, PayFiPSimulator.pagePath) { context, _ in try simulator.finish(context) }
        }
        if let soap = simulatorSOAPService {
            routes.add(.POST, PayFiPSimulatorSOAPService.path) { request, _ in soap.respond(to: request) }
        }
        page(.GET, "/agent") { context, _ in
            context.account == nil ? HTTPResponse.redirect(to: "/connexion?next=/agent") : try agent.queue(context)
        }
        page(.GET, "/agent/export.csv") { context, _ in try agent.export(context) }
        dossierPage(.GET, "/agent/dossiers/{id}") { context, id, _ in try agentDossier.show(context, id: id) }
        dossierPage(.POST, "/agent/dossiers/{id}/action") { context, id, _ in try agentDossier.act(context, id: id) }
        dossierPage(.POST, "/agent/dossiers/{id}/pieces") { context, id, _ in try agentDossier.requestDocument(context, id: id) }
        dossierPage(.POST, "/agent/dossiers/{id}/pieces/{request}/verification") { context, id, parameters in
            guard let request = parameters["request"].flatMap(Int64.init) else { throw PageNotFound() }
            return try agentDossier.reviewDocument(context, id: id, requestId: request)
        }
        dossierPage(.POST, "/agent/dossiers/{id}/attribution") { context, id, _ in try agentDossier.assign(context, id: id) }
        dossierPage(.POST, "/agent/dossiers/{id}/note") { context, id, _ in try agentDossier.write(context, id: id, isInternal: true) }
        dossierPage(.POST, "/agent/dossiers/{id}/message") { context, id, _ in try agentDossier.write(context, id: id, isInternal: false) }
        dossierPage(.GET, "/agent/dossiers/{id}/documents/{file}") { context, id, parameters in
            guard let file = parameters["file"].flatMap(Int64.init) else { throw PageNotFound() }
            return try dossiers.document(context, dossierId: id, fileId: file)
        }
        let agentInvoices = agentInvoiceHandlers, agentInvoiceForm = agentInvoiceFormHandlers
        let agentInvoice = agentInvoicePageHandlers, agentInvoiceImport = agentInvoiceImportHandlers
        agentPage(.GET, AgentInvoicePaths.list) { context in try agentInvoices.list(context) }
        agentPage(.GET, AgentInvoicePaths.export) { context in try agentInvoices.export(context) }
        agentPage(.GET, AgentInvoicePaths.paymentsExport) { context in try agentInvoices.paymentsExport(context) }
        agentPage(.GET, AgentInvoicePaths.new) { context in try agentInvoiceForm.show(context) }
        agentPage(.POST, AgentInvoicePaths.new) { context in try agentInvoiceForm.issue(context) }
        agentPage(.GET, AgentInvoicePaths.importFile) { context in try agentInvoiceImport.show(context) }
        agentPage(.POST, AgentInvoicePaths.importFile) { context in try agentInvoiceImport.importFile(context) }
        dossierPage(.GET, "/agent/factures/{id}") { context, id, _ in try agentInvoice.show(context, id: id) }
        dossierPage(.POST, "/agent/factures/{id}/encaissement") { context, id, _ in try agentInvoice.recordPayment(context, id: id) }
        dossierPage(.POST, "/agent/factures/{id}/annulation") { context, id, _ in try agentInvoice.cancel(context, id: id) }
        dossierPage(.POST, "/agent/factures/{id}/recouvrement") { context, id, _ in try agentInvoice.sendToCollection(context, id: id) }
        dossierPage(.GET, "/agent/factures/{id}/recus/{payment}") { context, id, parameters in
            guard let payment = parameters["payment"].flatMap(Int64.init) else { throw PageNotFound() }
            return try agentInvoice.receipt(context, id: id, paymentId: payment)
        }
        householdRoutes.add(to: &routes, contexts: factory)
        guichetRoutes.register(into: &routes)
        page(.GET, "/admin") { context, _ in try spaces.show(.admin, context) }

        publicPage("/accessibilite") { context, _ in legal.show(template: "legal/accessibility", title: "Déclaration d'accessibilité", context) }
        publicPage("/mentions-legales") { context, _ in legal.show(template: "legal/legal-notice", title: "Mentions légales", context) }
        publicPage("/donnees-personnelles") { context, _ in legal.show(template: "legal/personal-data", title: "Données personnelles", context) }

        let staticFiles = self.staticFiles
        routes.get("/static/*") { request, parameters in
            guard let response = staticFiles.response(for: request, relativePath: parameters["*"] ?? "") else { throw PageNotFound() }
            return response
        }
        let database = self.database
        routes.get("/healthz") { _, _ in
            try database.healthCheck()
            var response = HTTPResponse.text("ok")
            response.headers["Cache-Control"] = "no-store"
            return response
        }

        return routes.build { request, error in errorPages.response(for: request, error: error) }
    }
}
