import PortalCore

/// Where each space lives on the site.
extension Space {
    var path: String {
        switch self {
        case .resident: "/mon-espace"
        case .agent: "/agent"
        case .franceServices: "/guichet"
        case .admin: "/admin"
        }
    }
}
