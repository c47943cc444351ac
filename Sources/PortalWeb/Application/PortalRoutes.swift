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

    func router(errorPages: ErrorPages) -> Router {
        var routes = RouterBuilder()
        let factory = contextFactory
        /// Registers a page handler that works from the request's context.
        func page(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse) {
            routes.add(method, pattern) { request, parameters in
                try handler(factory.context(for: request), parameters)
            }
        }

        let catalogue = catalogueHandlers, communes = communeHandlers, accounts = accountHandlers
        let spaces = spaceHandlers, legal = legalHandlers

        page(.GET, "/") { context, _ in try catalogue.home(context) }
        page(.GET, "/demarches") { context, _ in try catalogue.catalogue(context) }
        page(.GET, "/demarches/{slug}") { context, parameters in try catalogue.procedure(context, slug: parameters["slug"] ?? "") }
        page(.GET, "/communes") { context, _ in try communes.communes(context) }
        page(.GET, "/communes/{insee}") { context, parameters in try communes.commune(context, insee: parameters["insee"] ?? "") }
        page(.GET, "/qui-fait-quoi") { context, _ in try communes.whoDoesWhat(context) }

        page(.GET, "/inscription") { context, _ in accounts.signUpForm(context) }
        page(.POST, "/inscription") { context, _ in try accounts.signUp(context) }
        page(.GET, "/connexion") { context, _ in accounts.logInForm(context) }
        page(.POST, "/connexion") { context, _ in try accounts.logIn(context) }
        page(.POST, "/deconnexion") { context, _ in try accounts.logOut(context) }

        page(.GET, "/mon-espace") { context, _ in try spaces.show(.resident, context) }
        page(.GET, "/agent") { context, _ in try spaces.show(.agent, context) }
        page(.GET, "/guichet") { context, _ in try spaces.show(.franceServices, context) }
        page(.GET, "/admin") { context, _ in try spaces.show(.admin, context) }

        page(.GET, "/accessibilite") { context, _ in legal.show(template: "legal/accessibility", title: "Déclaration d'accessibilité", context) }
        page(.GET, "/mentions-legales") { context, _ in legal.show(template: "legal/legal-notice", title: "Mentions légales", context) }
        page(.GET, "/donnees-personnelles") { context, _ in legal.show(template: "legal/personal-data", title: "Données personnelles", context) }

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
