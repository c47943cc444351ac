import Foundation
import PortalCore
import PortalHTTP
import Testing
@testable import PortalWeb

/// Walks every route the portal registers: each one that changes something refuses a request without a
/// valid anti-forgery token (but the few that carry their own authentication), and each one under a space
/// refuses anonymous visitors and the other roles.
@Suite struct RouteTableTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true) }

    /// One demo account per space.
    static let accounts: [Space: String] = [
        .resident: "habitant@demo.cctoval.fr", .agent: "agent.langeais@demo.cctoval.fr",
        .franceServices: "conseiller@demo.cctoval.fr", .admin: "admin@demo.cctoval.fr",
    ]

    /// A concrete path for `pattern`: every `{parameter}` and `*` becomes `1`.
    static func path(_ pattern: String) -> String {
        "/" + pattern.split(separator: "/").map { $0.hasPrefix("{") || $0 == "*" ? "1" : String($0) }.joined(separator: "/")
    }

    func browsers() throws -> [Space: Browser] {
        try Self.accounts.mapValues { try server.loggedIn($0) }
    }

    @Test func everyRouteThatChangesSomethingNeedsAFormToken() throws {
        var browsers = try browsers()
        let changing = server.application.routes.filter { $0.method != .GET }
        #expect(changing.count > 40)
        var checked = 0
        for route in changing where server.application.routesWithoutFormToken[route] == nil {
            let path = Self.path(route.pattern)
            let space = Space(path: route.pattern) ?? .resident
            let forged = try browsers[space]!.post(path, form: [("_csrf", "forged"), ("texte", "x")])
            // 403; or, for a form shown again with its answers, 404 when object 1 is not this account's.
            let showsItsForm = server.application.routesShowingStaleForms.contains(route)
            let refused = forged.status == 403 || (showsItsForm && forged.status == 404 && forged.text.contains("Page introuvable"))
            #expect(refused, "\(route) answered \(forged.status) without a valid token")
            checked += 1
        }
        #expect(checked > 40)
        #expect(Set(server.application.routesWithoutFormToken.keys.map(\.pattern)) == [
            "/paiement/payfip/notification", "/paiement/payfip/retour", "/payfip-sim/paiement", "/payfip-sim/services/securite",
        ])
    }

    @Test func everyRouteOfASpaceRefusesAnonymousVisitorsAndTheOtherRoles() throws {
        var browsers = try browsers()
        let spaced = server.application.routes.compactMap { route in Space(path: route.pattern).map { (route, $0) } }
        #expect(spaced.count > 60)
        for (route, space) in spaced {
            let path = Self.path(route.pattern)
            var anonymous = server.browser()
            let visitor = route.method == .GET ? try anonymous.get(path) : try anonymous.post(path, form: [("_csrf", "x")])
            #expect(visitor.status == 303, "\(route)")
            #expect(visitor.header("Location")?.hasPrefix("/connexion?retour=") == true, "\(route)")
            for (other, _) in Self.accounts where other != space {
                let answer = route.method == .GET ? try browsers[other]!.get(path) : try browsers[other]!.post(path, form: [("_csrf", "x")])
                #expect(answer.status == 404, "\(route) as \(other)")
                #expect(answer.text.contains("Accès réservé"), "\(route) as \(other)")
            }
        }
    }
}
