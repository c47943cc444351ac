import PortalHTTP

/// The administration space, `/admin…`, for administrators only (``RequireRole``).
struct AdminRoutes: RouteCollection {
    let home: AdminHomeController

    func register(into routes: inout SiteRoutes) {
        let home = self.home
        routes.spacePage(.GET, "/admin") { context, _ in try home.show(context) }
    }
}
