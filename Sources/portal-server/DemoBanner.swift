import PortalCore

/// The start-up text listing the demo accounts.
enum DemoBanner {
    static func text(_ accounts: [DemoAccount]) -> String {
        var lines = ["Comptes de démonstration (mot de passe : \(DemoData.password)) :"]
        for account in accounts {
            lines.append("  \(account.email.padding(toLength: 38, withPad: " ", startingAt: 0)) \(account.roleLabel)")
        }
        return lines.joined(separator: "\n")
    }
}
