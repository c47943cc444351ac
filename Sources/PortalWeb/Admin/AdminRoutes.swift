import PortalHTTP

/// The administration space.
struct AdminRoutes: RouteCollection {
    let spaces: SpaceController

    func register(into routes: inout SiteRoutes) {
        let spaces = self.spaces
        routes.spacePage(.GET, "/admin") { context, _ in try spaces.show(.admin, context) }
    }
}
