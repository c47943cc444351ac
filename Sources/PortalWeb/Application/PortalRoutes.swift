import PortalCore
import PortalHTTP

/// The table of routes. Paths are French and stable (DESIGN.md, "Stable routes").
struct PortalRoutes {
    let contextFactory: RequestContextFactory
    let catalogueHandlers: CatalogueHandlers
    let communeHandlers: CommuneHandlers
    let accountHandlers: AccountHandlers
    let spaceHandlers: SpaceHandlers
    let legalHandlers: LegalHandlers
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

        let catalogue = catalogueHandlers, communes = communeHandlers, accounts = accountHandlers
        let spaces = spaceHandlers, legal = legalHandlers

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

        page(.GET, "/mon-espace") { context, _ in try spaces.show(.resident, context) }
        page(.GET, "/agent") { context, _ in try spaces.show(.agent, context) }
        page(.GET, "/guichet") { context, _ in try spaces.show(.franceServices, context) }
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
