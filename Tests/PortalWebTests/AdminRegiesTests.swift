import Foundation
import GRDB
import PortalCore
import PortalTestSupport
import Testing

/// `/admin/regies`: an administrator sets a régie's PayFiP mode and names who bills in it; the agent
/// left out no longer finds it to issue an invoice, the one named does.
@Suite struct AdminRegiesTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer() }

    static let bourgueil = "/admin/regies/mairie-37031"

    @Test func onlyTheNamedAgentBillsInTheRegie() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let list = try admin.get("/admin/regies")
        #expect(list.status == 200)
        #expect(list.body.contains("href=\"\(Self.bourgueil)\""))
        let page = try admin.get(Self.bourgueil)
        #expect(page.text.contains("Sophie Lefèvre") && page.text.contains("Hélène Garnier"))
        let manager = try server.accountId("responsable.bourgueil@demo.cctoval.fr")
        let saved = try admin.post(Self.bourgueil, form: PageResponse.changing(page.formFields, [
            "payfipMode": "X", "billers": String(manager),
        ]))
        #expect(saved.status == 303)
        #expect(try admin.get(try #require(saved.header("Location"))).text.contains("est enregistrée"))
        #expect(try admin.get("/admin/regies").text.contains("Activation (premiers paiements réels)"))

        var agent = try server.loggedIn("agent.bourgueil@demo.cctoval.fr")
        #expect(!(try agent.get("/agent/factures/nouvelle").body.contains("value=\"mairie-37031\"")), "left out")
        var named = try server.loggedIn("responsable.bourgueil@demo.cctoval.fr")
        #expect(try named.get("/agent/factures/nouvelle").body.contains("mairie-37031"))
        #expect(try admin.get("/admin/journal?objet=regie").text.contains("Mode PayFiP : X ; 1 agent(s) facturent"))
    }

    @Test func mistakesAreNamedAndACodeStaysUnique() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let page = try admin.get("/admin/regies/dechets")
        let refused = try admin.post("/admin/regies/dechets", form: PageResponse.changing(page.formFields, [
            "payfipClientNumber": "12", "numberingCode": "enf", "name": "Régie des déchets",
        ]))
        #expect(refused.status == 422)
        #expect(refused.body.contains("href=\"#payfipClientNumber\""))
        #expect(refused.text.contains("Une autre régie a déjà le code ENF."))
        #expect(refused.body.contains("value=\"Régie des déchets\""))
    }

    @Test func anAdministratorCreatesARegieThatItsOrganisationsAgentsBillIn() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let page = try admin.get("/admin/regies/nouvelle")
        #expect(page.status == 200)
        #expect(page.body.contains("id=\"mode-T\" name=\"payfipMode\" value=\"T\" checked"), "test mode until the contract is signed")
        var answers = ["name": "Régie de la salle des fêtes de Benais", "organisation": "mairie-37024", "payfipClientNumber": "12 34 56",
                       "numberingCode": "DEC"]
        let refused = try admin.post("/admin/regies/nouvelle", form: PageResponse.changing(page.formFields, answers))
        #expect(refused.status == 422)
        #expect(refused.text.contains("Une autre régie a déjà le code DEC."))
        #expect(refused.body.contains("value=\"Régie de la salle des fêtes de Benais\"") && refused.body.contains("value=\"12 34 56\""))
        answers["numberingCode"] = "sfb"
        let created = try admin.post("/admin/regies/nouvelle", form: PageResponse.changing(refused.formFields, answers))
        #expect(created.status == 303)
        #expect(created.header("Location") == "/admin/regies?enregistree=regie-de-la-salle-des-fetes-de-benais")
        #expect(try admin.get("/admin/regies").text.contains("SFB"))
        #expect(try admin.get("/admin/journal").text.contains("Régie créée"))
        let regie = try server.database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT organisationId, payfipClientNumber, payfipMode FROM regie WHERE id = 'regie-de-la-salle-des-fetes-de-benais'")
        }
        #expect(regie?["organisationId"] == "mairie-37024")
        #expect(regie?["payfipClientNumber"] == "123456")
        #expect(regie?["payfipMode"] == "T")
    }
}
