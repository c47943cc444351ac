import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// `/admin/journal`: an administrator reads who changed what, filters by person, object and
/// period, and downloads the lines as CSV; nobody else may.
@Suite struct AdminJournalTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer() }

    @Test func theChangesAndLogInsOfTheTeamAreListedAndExported() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let page = try admin.get("/admin/organisations/mairie-37137")
        _ = try admin.post("/admin/organisations/mairie-37137", form: PageResponse.changing(page.formFields, ["phone": "0247243012"]))
        var stranger = server.browser()
        _ = try stranger.submit("/connexion", from: "/connexion", form: [("email", "agent.langeais@demo.cctoval.fr"), ("password", "pas le bon")])

        let journal = try admin.get("/admin/journal")
        #expect(journal.status == 200)
        #expect(journal.text.contains("<caption>Journal des modifications</caption>"))
        #expect(journal.text.contains("Organisation modifiée"))
        #expect(journal.text.contains("Téléphone : 02 47 24 30 12"))
        #expect(journal.text.contains("Mairie de Lublé"))
        #expect(journal.text.contains("Connexion refusée à Julien Moreau : mot de passe erroné"))
        #expect(journal.text.contains("Connexion depuis l'adresse 127.0.0.1"))

        let adminId = try server.accountId("admin@demo.cctoval.fr")
        let organisations = try admin.get("/admin/journal?personne=\(adminId)&objet=organisation")
        #expect(organisations.text.contains("Téléphone : 02 47 24 30 12"))
        #expect(!organisations.text.contains("Connexion refusée"))
        #expect(organisations.body.contains("<option value=\"organisation\" selected>"))
        #expect(organisations.body.contains("href=\"/admin/journal.csv?personne=\(adminId)&amp;objet=organisation\""))

        let csv = try admin.get("/admin/journal.csv?objet=organisation")
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        let lines = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.first == "Date;Heure;Personne;Action;Type d'objet;Identifiant;Objet;Détail;Avant;Après")
        #expect(lines.contains { $0.contains("Organisation modifiée;organisation;mairie-37137;Mairie de Lublé;Téléphone : 02 47 24 30 12;") })
    }

    @Test func aPeriodThatIsNoDayIsNamedAndAnEmptyOneListsNothing() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let wrong = try admin.get("/admin/journal?du=hier&au=31/12/2099")
        #expect(wrong.status == 422)
        #expect(wrong.body.contains("href=\"#du\""))
        #expect(wrong.body.contains("value=\"hier\""))
        #expect(wrong.body.contains("value=\"31/12/2099\""))
        let past = try admin.get("/admin/journal?du=01/01/2020&au=31/12/2020")
        #expect(past.text.contains("Aucune ligne."))
    }

    @Test(arguments: ["agent.langeais@demo.cctoval.fr", "conseiller@demo.cctoval.fr", "habitant@demo.cctoval.fr"])
    func otherRolesFindNoJournal(login: String) throws {
        var browser = try server.loggedIn(login)
        #expect(try browser.get("/admin/journal").status == 404)
        #expect(try browser.get("/admin/journal.csv").status == 404)
    }
}
