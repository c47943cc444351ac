import PortalCore
import PortalHTTP

/// The site's route table: the middleware every response goes through, each feature's routes, the assets
/// and the health check. Paths are French and stable: bookmarks, e-mails and tests rely on them.
struct PortalRoutes {
    /// Each feature's routes.
    let collections: [any RouteCollection]
    let staticFiles: StaticFiles
    let database: PortalDatabase

    /// Every route, inside the middleware every response goes through: security headers (outermost),
    /// compression, then the error pages, so that errors and the router's 404 and 405 get both too, and the
    /// session check inside them.
    func routes(errorPages: ErrorPages, securityHeaders: SecurityHeaders) -> SiteRoutes {
        var routes = SiteRoutes()
        routes.add(middleware: securityHeaders)
        routes.add(middleware: Compression())
        routes.add(middleware: errorPages)
        routes.add(middleware: SessionCheck())
        for collection in collections { collection.register(into: &routes) }

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
