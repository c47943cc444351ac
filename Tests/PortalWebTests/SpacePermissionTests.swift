import Foundation
import Testing

/// Each demo account lands on its own space and cannot open the others (404); a manager also opens
/// the administration.
@Suite struct SpacePermissionTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true) }

    static let accounts: [(login: String, home: String)] = [
        ("habitant@demo.cctoval.fr", "/mon-espace"),
        ("habitante.bourgueil@demo.cctoval.fr", "/mon-espace"),
        ("agent.langeais@demo.cctoval.fr", "/agent"),
        ("agent.bourgueil@demo.cctoval.fr", "/agent"),
        ("responsable.bourgueil@demo.cctoval.fr", "/agent"),
        ("agent.enfance@demo.cctoval.fr", "/agent"),
        ("agent.dechets@demo.cctoval.fr", "/agent"),
        ("conseiller@demo.cctoval.fr", "/guichet"),
        ("admin@demo.cctoval.fr", "/admin"),
    ]
    static let spaces = ["/mon-espace", "/agent", "/guichet", "/admin"]

    @Test(arguments: accounts)
    func demoAccountLandsOnItsSpaceAndCannotOpenTheOthers(login: String, home: String) throws {
        var browser = server.browser()
        let loggedIn = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        #expect(loggedIn.status == 303)
        #expect(loggedIn.header("Location") == home)
        for space in Self.spaces {
            let page = try browser.get(space)
            if space == home {
                #expect(page.status == 200, "\(login) \(space)")
                let expected = switch home {
                case "/mon-espace": "<h1>Mon espace</h1>"
                case "/agent": "<h1>Demandes à traiter</h1>"
                case "/guichet": "<h1>Guichet France Services</h1>"
                default: "<h1>Administration</h1>"
                }
                #expect(page.text.contains(expected))
            } else if login.hasPrefix("responsable."), space == "/admin" {
                #expect(page.status == 200, "\(login) \(space)")
                #expect(page.text.contains("En tant que responsable, vous tenez ici à jour Mairie de Bourgueil"))
            } else {
                #expect(page.status == 404, "\(login) \(space)")
                #expect(page.text.contains("<h1>Accès réservé</h1>"), "\(login) \(space)")
                #expect(page.body.contains("href=\"\(home)\""), "a link to the account's own space")
            }
        }
    }

    @Test(arguments: spaces)
    func anonymousVisitorsAreAskedToLogIn(space: String) throws {
        var browser = server.browser()
        let page = try browser.get(space)
        #expect(page.status == 303)
        #expect(page.header("Location") == "/connexion?retour=\(space)")
    }

    @Test func agentSpaceNamesTheAgentsOrganisation() throws {
        var browser = server.browser()
        _ = try browser.submit("/connexion", from: "/connexion", form: [("email", "agent.langeais@demo.cctoval.fr"), ("password", "demo-portail-2026")])
        let page = try browser.get("/agent")
        #expect(page.body.contains("Mairie de Langeais"))
    }
}
