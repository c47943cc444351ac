import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// `/admin/activites`: an activity saved unchanged from its page stays the same; a manager creates
/// an activity with its communes, documents and tariff, a mistake keeps every answer, and families
/// then find it among the registrations.
@Suite struct AdminActivitiesTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer() }

    func definition(_ id: String) throws -> String? {
        try server.database.pool.read { db in try String.fetchOne(db, sql: "SELECT definition FROM activity WHERE id = ?", arguments: [id]) }
    }

    @Test func everyActivitySavedUnchangedFromItsPageStaysTheSame() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let ids = try server.database.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM activity ORDER BY id") }
        #expect(ids.count >= 7)
        for id in ids {
            let before = try definition(id)
            let page = try admin.get("/admin/activites/\(id)")
            let saved = try admin.post("/admin/activites/\(id)", form: page.formFields)
            #expect(saved.status == 303, "\(id): \(saved.status) \(saved.text.prefix(300))")
            #expect(try definition(id) == before, "\(id)")
        }
    }

    @Test func aManagerCreatesAnActivityAndAMistakeKeepsEveryAnswer() throws {
        var manager = try server.loggedIn("responsable.bourgueil@demo.cctoval.fr")
        let page = try manager.get("/admin/activites/nouvelle")
        #expect(page.status == 200)
        #expect(page.body.contains("<option value=\"mairie-37031\" selected>"), "the manager's one organisation is chosen")
        #expect(!page.body.contains("value=\"cctoval-enfance\""), "no other organisation to choose")
        var answers: [String: String] = [
            "title": "Stage de théâtre", "period": "Vacances d'hiver 2027", "minAge": "8", "maxAge": "14",
            "communes": "liste", "opensOn": "01/12/2026", "closesOn": "31/01/2027", "startsOn": "15/02/2027", "endsOn": "19/02/2027",
            "capacity": "12", "tariffLabel": "Stage de 5 jours", "tranche-1-plafond": "800", "tranche-1-prix": "45",
            "tranche-2-prix": "70,50",
        ]
        var fields = PageResponse.changing(page.formFields, answers)
        fields += [("commune", "37031"), ("commune", "37024"), ("document", "justificatif-domicile")]
        let refused = try manager.post("/admin/activites/nouvelle", form: fields)
        #expect(refused.status == 422)
        #expect(refused.text.contains("Une activité avec un tarif est facturée dans une régie : choisissez-la."))
        #expect(refused.body.contains("href=\"#regie\""))
        for kept in ["value=\"Stage de théâtre\"", "value=\"70,50\"", "id=\"commune-37024\" name=\"commune\" value=\"37024\" checked",
                     "id=\"communes-liste\" name=\"communes\" value=\"liste\" checked", "value=\"justificatif-domicile\" checked"] {
            #expect(refused.body.contains(kept), "\(kept)")
        }
        answers["regie"] = "mairie-37031"
        let created = try manager.post("/admin/activites/nouvelle", form: PageResponse.changing(refused.formFields, answers))
        #expect(created.status == 303)
        let id = "stage-de-theatre-vacances-d-hiver-2027"
        #expect(created.header("Location") == "/admin/activites?enregistree=\(id)")
        let activity = try JSONDecoder().decode(Activity.self, from: Data(try #require(try definition(id)).utf8))
        #expect(activity.communes == ["37024", "37031"])
        #expect((activity.minAgeMonths, activity.maxAgeMonths, activity.regieId) == (96, 179, "mairie-37031"))
        #expect(activity.tariff == ActivityTariff(label: "Stage de 5 jours", bands: [.init(maxQuotient: 800, cents: 4500), .init(maxQuotient: nil, cents: 7050)]))
        #expect(try manager.get("/admin/activites").text.contains("Stage de théâtre"))
        #expect(try manager.get("/admin/journal").text.contains("Activité créée"))

        var resident = try server.loggedIn("habitante.bourgueil@demo.cctoval.fr")
        #expect(try resident.get("/mon-espace/inscriptions").text.contains("Stage de théâtre"))
    }
}
