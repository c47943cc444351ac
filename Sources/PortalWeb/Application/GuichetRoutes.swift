import PortalCore
import PortalHTTP

/// The routes of the France Services counter (`/guichet…`) and the resident's page about it
/// (`/mon-espace/france-services…`). A logged-out visitor logs in first, then comes back.
struct GuichetRoutes {
    let contextFactory: RequestContextFactory
    let home: GuichetHomeHandlers
    let accounts: GuichetAccountHandlers
    let residents: GuichetResidentHandlers

    func register(into routes: inout RouterBuilder) {
        let factory = contextFactory
        /// A page of a signed-in space: a logged-out visitor logs in first (back here after a GET).
        func page(_ method: HTTPMethod, _ pattern: String, fallback: String = GuichetPaths.home,
                  _ handler: @escaping @Sendable (RequestContext, RouteParameters) throws -> HTTPResponse) {
            routes.add(method, pattern) { request, parameters in
                let context = factory.context(for: request)
                guard context.account != nil else {
                    return HTTPResponse.redirect(to: "/connexion?next=\(method == .GET ? request.path : fallback)")
                }
                return try handler(context, parameters)
            }
        }

        let home = self.home, accounts = self.accounts
        page(.GET, GuichetPaths.home) { context, _ in try home.home(context) }
        page(.GET, GuichetPaths.newAccount) { context, _ in try accounts.show(context) }
        page(.POST, GuichetPaths.newAccount) { context, _ in try accounts.create(context) }

        let residents = self.residents
        page(.GET, "/guichet/habitants/{id}") { context, parameters in try residents.show(context, id: try parameters.id("id")) }
        page(.GET, "/guichet/habitants/{id}/recapitulatif") { context, parameters in
            try residents.summary(context, id: try parameters.id("id"))
        }
        page(.POST, "/guichet/habitants/{id}/code") { context, parameters in try residents.sendCode(context, id: try parameters.id("id")) }
        page(.POST, "/guichet/habitants/{id}/mandat") { context, parameters in try residents.record(context, id: try parameters.id("id")) }
        page(.POST, "/guichet/mandats/{id}/revocation") { context, parameters in
            try residents.revoke(context, mandateId: try parameters.id("id"))
        }
    }
}

extension RouteParameters {
    /// The numeric route parameter `name`; a page that does not exist otherwise.
    func id(_ name: String) throws -> Int64 {
        guard let id = self[name].flatMap(Int64.init) else { throw PageNotFound() }
        return id
    }
}
