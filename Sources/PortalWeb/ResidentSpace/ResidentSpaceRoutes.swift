import PortalHTTP

/// The resident's space's home, `/mon-espace`.
struct ResidentSpaceRoutes: RouteCollection {
    let dashboard: DashboardController

    func register(into routes: inout SiteRoutes) {
        let dashboard = self.dashboard
        routes.spacePage(.GET, "/mon-espace") { context, _ in try dashboard.dashboard(context) }
    }
}
