import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// Every `/admin…` route against every kind of visitor: nobody logged in is sent to log in; a
/// resident, an agent and an adviser find nothing (404); a manager of another organisation sees
/// the lists of their own but not this organisation's objects; this organisation's manager and an
/// administrator see them; the catalogue is the administrators' alone. No refused request changes anything.
@Suite struct AdminPermissionMatrixTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer() }

    enum Visitor: String, CaseIterable {
        case anonymous, resident, agent, adviser, otherManager, manager, administrator
    }

    /// Who a route is for: every manager (their own lists), this organisation's manager, or administrators only.
    enum Scope { case lists, organisation, administrators }

    /// The routes, with the path of one object of the mairie of Bourgueil where they take one.
    func routes() throws -> [(method: String, path: String, scope: Scope)] {
        let agent = try server.accountId("agent.bourgueil@demo.cctoval.fr")
        return [
            ("GET", "/admin", .lists), ("GET", "/admin/comptes", .lists), ("GET", "/admin/comptes/invitation", .lists),
            ("GET", "/admin/organisations", .lists), ("GET", "/admin/journal", .lists), ("GET", "/admin/journal.csv", .lists),
            ("GET", "/admin/comptes/\(agent)", .organisation), ("GET", "/admin/comptes/\(agent)/desactivation", .organisation),
            ("GET", "/admin/organisations/mairie-37031", .organisation),
            ("POST", "/admin/comptes/invitation", .lists), ("POST", "/admin/comptes/\(agent)", .organisation),
            ("POST", "/admin/comptes/\(agent)/relance", .organisation), ("POST", "/admin/comptes/\(agent)/desactivation", .organisation),
            ("POST", "/admin/comptes/\(agent)/reactivation", .organisation), ("POST", "/admin/organisations/mairie-37031", .organisation),
            ("GET", "/admin/demarches", .administrators), ("GET", "/admin/demarches/carte-nationale-identite", .administrators),
            ("POST", "/admin/demarches/carte-nationale-identite", .administrators),
            ("POST", "/admin/demarches/carte-nationale-identite/publication", .administrators),
            ("GET", "/admin/demarches/nouvelle", .administrators), ("POST", "/admin/demarches/nouvelle", .administrators),
            ("GET", "/admin/activites", .lists), ("GET", "/admin/activites/nouvelle", .lists), ("POST", "/admin/activites/nouvelle", .lists),
            ("GET", "/admin/activites/cantine-bourgueil-2026-2027", .organisation),
            ("POST", "/admin/activites/cantine-bourgueil-2026-2027", .organisation),
            ("POST", "/admin/activites/cantine-bourgueil-2026-2027/inscriptions", .organisation),
            ("GET", "/admin/regies", .administrators), ("GET", "/admin/regies/mairie-37031", .administrators),
            ("POST", "/admin/regies/mairie-37031", .administrators),
            ("GET", "/admin/regies/nouvelle", .administrators), ("POST", "/admin/regies/nouvelle", .administrators),
            ("POST", "/admin/demarches/carte-nationale-identite/apercu", .administrators),
            ("POST", "/admin/demarches/carte-nationale-identite/adresse", .administrators),
            // Last: the administrator's POST deletes the procedure when it has no dossier.
            ("GET", "/admin/demarches/carte-nationale-identite/suppression", .administrators),
            ("POST", "/admin/demarches/carte-nationale-identite/suppression", .administrators),
        ]
    }

    /// A browser for `visitor` (a Langeais manager is invited and activated for `otherManager`).
    func browser(_ visitor: Visitor) throws -> Browser {
        switch visitor {
        case .anonymous: return server.browser()
        case .resident: return try server.loggedIn("habitant@demo.cctoval.fr")
        case .agent: return try server.loggedIn("agent.bourgueil@demo.cctoval.fr")
        case .adviser: return try server.loggedIn("conseiller@demo.cctoval.fr")
        case .manager: return try server.loggedIn("responsable.bourgueil@demo.cctoval.fr")
        case .administrator: return try server.loggedIn("admin@demo.cctoval.fr")
        case .otherManager:
            let accounts = Accounts(database: server.database, hasher: PortalTestServer.hasher)
            let admin = try #require(try accounts.account(id: try server.accountId("admin@demo.cctoval.fr")))
            let issued = try accounts.invite(StaffInvitation(email: "responsable.langeais@example.fr", name: "Paul Langeais",
                                                             role: .manager, organisationIds: ["mairie-37123"]),
                                             by: admin, links: server.links, now: Date())
            var browser = server.browser()
            let path = "/activation/\(issued.token)"
            #expect(try browser.submit(path, from: path, form: [("password", "responsable de langeais")]).status == 303)
            return browser
        }
    }

    @Test(arguments: Visitor.allCases)
    func everyAdministrationRouteAnswersAsItShould(visitor: Visitor) throws {
        var browser = try browser(visitor)
        let token = try browser.get("/").csrfToken ?? ""
        let before = try snapshot()
        for route in try routes() {
            let response = route.method == "GET"
                ? try browser.get(route.path)
                : try browser.post(route.path, form: [("_csrf", token), ("name", "Piraté"), ("role", "admin"), ("phone", "0100000000")])
            let label = "\(visitor) \(route.method) \(route.path)"
            switch visitor {
            case .anonymous:
                #expect(response.status == 303 || response.status == 403, "\(label): \(response.status)")
                if response.status == 303 { #expect(response.header("Location")?.hasPrefix("/connexion") == true, "\(label)") }
            case .resident, .agent, .adviser:
                #expect(response.status == 404, "\(label): \(response.status)")
            case .otherManager, .manager:
                if route.scope == .administrators || (visitor == .otherManager && route.scope == .organisation) {
                    #expect(response.status == 404, "\(label): \(response.status)")
                } else if route.method == "GET" {
                    #expect(response.status == 200, "\(label): \(response.status)")
                }
            case .administrator:
                if route.method == "GET" { #expect(response.status == 200, "\(label): \(response.status)") }
            }
        }
        if visitor != .administrator {
            let after = try snapshot()
            // A manager may change their own mairie and agents; never the catalogue.
            #expect(visitor == .manager ? after.filter { $0.contains("identité") || $0.hasPrefix("Régie") } == before.filter { $0.contains("identité") || $0.hasPrefix("Régie") } : after == before,
                    "\(visitor) changed nothing they may not")
        }
    }

    /// What a refused request must not change: Bourgueil's mairie and agent, the staff accounts, the CNI procedure.
    func snapshot() throws -> [String] {
        try server.database.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT phone FROM organisation WHERE id = 'mairie-37031'
                UNION ALL SELECT title || ' ' || published FROM procedure WHERE slug = 'carte-nationale-identite'
                UNION ALL SELECT name || ' ' || payfipMode FROM regie WHERE id = 'mairie-37031'
                UNION ALL SELECT definition FROM activity WHERE id = 'cantine-bourgueil-2026-2027'
                UNION ALL SELECT COUNT(*) || ' activités' FROM activity
                UNION ALL SELECT 'Régies : ' || COUNT(*) FROM regie
                UNION ALL SELECT email || ' ' || displayName || ' ' || role || ' ' || IFNULL(deactivatedAt, '') FROM account WHERE role <> 'resident'
                """).sorted()
        }
    }
}
