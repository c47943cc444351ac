import PortalCore

/// Where each space lives, and what the portal calls it.
extension Space {
    var path: String {
        switch self {
        case .resident: "/mon-espace"
        case .agent: "/agent"
        case .franceServices: "/guichet"
        case .admin: "/admin"
        }
    }

    var label: String {
        switch self {
        case .resident: "Mon espace"
        case .agent: "Espace agent"
        case .franceServices: "Guichet France Services"
        case .admin: "Administration"
        }
    }
}
