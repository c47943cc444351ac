/// The routes of one feature, which the composition root adds to the site's table (as Vapor's
/// `RouteCollection`): each feature folder registers its own pages through ``SiteRoutes``.
protocol RouteCollection: Sendable {
    /// Adds this feature's routes.
    func register(into routes: inout SiteRoutes)
}
