/// An area of the portal reserved to one role.
public enum Space: String, Sendable, Hashable, CaseIterable {
    /// The resident's own space (« Mon espace »).
    case resident
    /// The agent back-office.
    case agent
    /// The France Services assisted mode (« Guichet »).
    case franceServices
    /// Administration.
    case admin

    /// The space's title in French.
    public var title: String {
        switch self {
        case .resident: "Mon espace"
        case .agent: "Espace agent"
        case .franceServices: "Guichet France Services"
        case .admin: "Administration"
        }
    }
}

extension Role {
    /// The space an account of this role lands in after log-in, and the only
    /// one it may enter.
    public var home: Space {
        switch self {
        case .resident: .resident
        case .agent, .manager: .agent
        case .franceServices: .franceServices
        case .admin: .admin
        }
    }

    /// True when an account of this role may enter `space`: its home, and for a manager the
    /// administration too (where the core shows them their own organisations only).
    public func mayEnter(_ space: Space) -> Bool {
        home == space || (self == .manager && space == .admin)
    }
}
