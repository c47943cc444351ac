import PortalCore

/// What the layout shows around every page: title, navigation, who is logged in.
struct LayoutContext {
    /// The logged-in person as the header shows them.
    struct AccountBadge {
        let displayName: String
        let spacePath: String
        let spaceLabel: String
        /// The administration, for a manager, whose home is the agents' space.
        let administrationPath: String?
    }

    struct NavigationItem {
        let label: String
        let path: String
        let current: Bool
    }

    let title: String
    let hasErrors: Bool
    let stylesheetURL: String
    let scriptURL: String
    /// The token of the log-out form; only logged-in people see that form.
    let csrfToken: String?
    let account: AccountBadge?
    let navigation: [NavigationItem]
}
