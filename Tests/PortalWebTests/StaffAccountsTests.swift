import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// `/admin/comptes`: an administrator invites an agent, who chooses a password through the e-mailed
/// link and lands in the agents' space; the list follows the invitation to the first log-in.
@Suite struct StaffAccountsTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer() }

    static let form = "/admin/comptes/invitation"

    @Test func anInvitedAgentJoinsAndTheListFollowsThem() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let list = try admin.get("/admin/comptes")
        #expect(list.status == 200)
        #expect(list.text.contains("<caption>Comptes de l'équipe</caption>"))
        #expect(list.text.contains("agent.langeais@demo.cctoval.fr"))
        #expect(!list.text.contains("habitant@demo.cctoval.fr"), "residents are not staff")

        let refused = try admin.submit(Self.form, from: Self.form, form: [
            ("name", "Paul Durand"), ("email", "paul.durand@langeais.fr"), ("role", "agent"), ("organisation", ""),
        ])
        #expect(refused.status == 422)
        #expect(refused.text.contains("<title>Erreur : Inviter une personne"))
        #expect(refused.body.contains("href=\"#organisation\""))
        #expect(refused.body.contains("value=\"Paul Durand\""), "what was typed stays")
        #expect(refused.body.contains("value=\"paul.durand@langeais.fr\""))
        #expect(refused.body.contains("value=\"agent\" checked"))

        let sent = try admin.submit(Self.form, from: Self.form, form: [
            ("name", "Paul Durand"), ("email", "paul.durand@langeais.fr"), ("role", "agent"), ("organisation", "mairie-37123"),
        ])
        #expect(sent.status == 303)
        let location = try #require(sent.header("Location"))
        let pending = try admin.get(location)
        #expect(pending.text.contains("Invitation envoyée à Paul Durand (paul.durand@langeais.fr)."))
        #expect(pending.text.contains("Invitation en attente, valable jusqu'au"))
        #expect(pending.text.contains("Jamais connecté"))

        let mail = try server.lastMail(to: "paul.durand@langeais.fr")
        #expect(mail.textBody.contains("vous invite à rejoindre le portail citoyen de la CCTOVAL avec un compte agent (Mairie de Langeais)"))
        let link = try #require(mail.textBody.split(whereSeparator: \.isWhitespace).first { $0.contains("/activation/") })
        let path = try #require(URL(string: String(link))?.path)
        var agent = server.browser()
        let joined = try agent.submit(path, from: path, form: [("password", "le chateau de langeais")])
        #expect(joined.status == 303)
        #expect(joined.header("Location") == "/agent")
        #expect(try agent.get("/agent").text.contains("Mairie de Langeais"))

        let active = try admin.get("/admin/comptes")
        let row = try #require(active.text.components(separatedBy: "<tr>").first { $0.contains("paul.durand@langeais.fr") })
        #expect(row.contains("Actif"))
        #expect(row.contains("Dernière connexion le"))
        #expect(!row.contains("Renvoyer l'invitation"))
    }

    @Test func anInvitationIsSentAgainAndTheOldLinkStopsWorking() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let sent = try admin.submit(Self.form, from: Self.form, form: [
            ("name", "Léa Moreau"), ("email", "lea.moreau@cctoval.fr"), ("role", "france_services"), ("organisation", "france-services-langeais"),
        ])
        #expect(sent.status == 303)
        let first = try server.lastMail(to: "lea.moreau@cctoval.fr").textBody
        let id = try server.accountId("lea.moreau@cctoval.fr")
        let list = try admin.get("/admin/comptes")
        #expect(list.body.contains("action=\"/admin/comptes/\(id)/relance\""))
        let again = try admin.post("/admin/comptes/\(id)/relance", form: [("_csrf", list.csrfToken ?? "")])
        #expect(again.status == 303)
        let second = try server.lastMail(to: "lea.moreau@cctoval.fr").textBody
        #expect(second != first)
        let oldPath = try #require(first.split(whereSeparator: \.isWhitespace).first { $0.contains("/activation/") }
            .flatMap { URL(string: String($0))?.path })
        var browser = server.browser()
        #expect(try browser.get(oldPath).status == 404, "the old link is void")

        let agentId = try server.accountId("agent.langeais@demo.cctoval.fr")
        let active = try admin.post("/admin/comptes/\(agentId)/relance", form: [("_csrf", list.csrfToken ?? "")])
        #expect(active.status == 404, "an active account gets no invitation")
    }

    @Test func addressesInUseAreRefusedWithTheAnswersKept() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let taken = try admin.submit(Self.form, from: Self.form, form: [
            ("name", "Camille"), ("email", "habitant@demo.cctoval.fr"), ("role", "agent"), ("organisation", "mairie-37123"),
        ])
        #expect(taken.status == 409)
        #expect(taken.text.contains("Un compte existe déjà avec cette adresse (habitant)"))
        #expect(taken.body.contains("value=\"mairie-37123\" checked"))
    }

    @Test(arguments: ["agent.langeais@demo.cctoval.fr", "conseiller@demo.cctoval.fr", "habitant@demo.cctoval.fr"])
    func otherRolesFindNoStaffPages(login: String) throws {
        var browser = try server.loggedIn(login)
        for path in ["/admin/comptes", Self.form] {
            let page = try browser.get(path)
            #expect(page.status == 404, "\(login) \(path)")
        }
    }

    @Test func deactivatingEndsTheSessionsAndReactivatingRestoresTheAccount() throws {
        var agent = try server.loggedIn("agent.langeais@demo.cctoval.fr")
        #expect(try agent.get("/agent").status == 200)
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let id = try server.accountId("agent.langeais@demo.cctoval.fr")
        let confirm = try admin.get("/admin/comptes/\(id)/desactivation")
        #expect(confirm.status == 200)
        #expect(confirm.text.contains("<h1>Désactiver le compte de"))
        #expect(confirm.text.contains("lui est attribuée") || confirm.text.contains("lui sont attribuées") || confirm.text.contains("Aucune demande en cours"))
        let done = try admin.post("/admin/comptes/\(id)/desactivation", form: [("_csrf", confirm.csrfToken ?? "")])
        #expect(done.status == 303)
        let list = try admin.get(try #require(done.header("Location")))
        #expect(list.text.contains("est désactivé : ses sessions sont fermées"))
        #expect(list.body.contains("action=\"/admin/comptes/\(id)/reactivation\""))

        #expect(try agent.get("/agent").status != 200, "the agent's session ended at once")
        var again = server.browser()
        let refused = try again.submit("/connexion", from: "/connexion", form: [("email", "agent.langeais@demo.cctoval.fr"), ("password", DemoData.password)])
        #expect(refused.status != 303, "a deactivated account cannot log in")

        let back = try admin.post("/admin/comptes/\(id)/reactivation", form: [("_csrf", list.csrfToken ?? "")])
        #expect(back.status == 303)
        _ = try server.loggedIn("agent.langeais@demo.cctoval.fr")
    }

    @Test func theLastActiveAdministratorStays() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let id = try server.accountId("admin@demo.cctoval.fr")
        let confirm = try admin.get("/admin/comptes/\(id)/desactivation")
        let refused = try admin.post("/admin/comptes/\(id)/desactivation", form: [("_csrf", confirm.csrfToken ?? "")])
        #expect(refused.status == 409)
        #expect(refused.text.contains("C'est le dernier compte administrateur actif"))
        #expect(try admin.get("/admin").status == 200, "still logged in")
    }

    @Test func anAgentBecomesAnAdviserAtTheirNextPage() throws {
        var agent = try server.loggedIn("agent.langeais@demo.cctoval.fr")
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let id = try server.accountId("agent.langeais@demo.cctoval.fr")
        let path = "/admin/comptes/\(id)"
        let page = try admin.get(path)
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Modifier le compte de Julien Moreau</h1>"))
        #expect(page.body.contains("value=\"agent\" checked"))
        #expect(page.body.contains("value=\"mairie-37123\" checked"))
        #expect(!page.body.contains("id=\"email\""), "the address does not change here")

        let refused = try admin.submit(path, from: path, form: [("name", "Julien Moreau"), ("role", "france_services"),
                                                                ("organisation", "mairie-37123")])
        #expect(refused.status == 422)
        #expect(refused.body.contains("href=\"#organisation\""))
        #expect(refused.body.contains("value=\"france_services\" checked"), "what was chosen stays")

        let saved = try admin.submit(path, from: path, form: [("name", "Julien Moreau"), ("role", "france_services"),
                                                              ("organisation", "france-services-langeais")])
        #expect(saved.status == 303)
        #expect(try admin.get(try #require(saved.header("Location"))).text.contains("Le compte de Julien Moreau est modifié"))
        #expect(try agent.get("/agent").status == 404, "the new role holds at the next page")
        #expect(try agent.get("/guichet").status == 200)
    }

    @Test func theLastActiveAdministratorIsNotDemoted() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let path = "/admin/comptes/\(try server.accountId("admin@demo.cctoval.fr"))"
        let refused = try admin.submit(path, from: path, form: [("name", "Isabelle Roux"), ("role", "agent"), ("organisation", "mairie-37123")])
        #expect(refused.status == 409)
        #expect(refused.text.contains("C'est le dernier compte administrateur actif"))
        #expect(refused.body.contains("value=\"agent\" checked"))
    }

    @Test func aRevokedInvitationIsListedAndCanBeSentAgain() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        _ = try admin.submit(Self.form, from: Self.form, form: [
            ("name", "Paul Durand"), ("email", "paul.durand@langeais.fr"), ("role", "agent"), ("organisation", "mairie-37123"),
        ])
        let id = try server.accountId("paul.durand@langeais.fr")
        let confirm = try admin.get("/admin/comptes/\(id)/desactivation")
        #expect(confirm.text.contains("<h1>Révoquer l'invitation de Paul Durand</h1>"))
        let done = try admin.post("/admin/comptes/\(id)/desactivation", form: [("_csrf", confirm.csrfToken ?? "")])
        let list = try admin.get(try #require(done.header("Location")))
        #expect(list.text.contains("L'invitation de Paul Durand est révoquée : son lien ne fonctionne plus."))
        let row = try #require(list.text.components(separatedBy: "<tr>").first { $0.contains("paul.durand@langeais.fr") })
        #expect(row.contains("Invitation révoquée le"))
        #expect(row.contains("Renvoyer l'invitation"))
        #expect(!row.contains("Réactiver"))
    }

    @Test(arguments: ["agent.langeais@demo.cctoval.fr", "conseiller@demo.cctoval.fr", "habitant@demo.cctoval.fr"])
    func otherRolesCannotChangeAStaffAccount(login: String) throws {
        var browser = try server.loggedIn(login)
        let id = try server.accountId("agent.bourgueil@demo.cctoval.fr")
        #expect(try browser.get("/admin/comptes/\(id)").status == 404)
    }
}
