import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// `/admin/organisations`: an administrator changes the mairie of Langeais' phone and hours, and the
/// public commune page, already seen and shared by the page cache, shows them at once.
@Suite struct AdminOrganisationsTests {
    let server: PortalTestServer

    /// Friday 4 December 2026 at 10:00 in Langeais.
    static let friday = Date(timeIntervalSince1970: 1_796_374_800)

    init() throws { server = try PortalTestServer(now: { Self.friday }) }

    static let langeais = "/admin/organisations/mairie-37123"

    @Test func theMairiesNewPhoneAndHoursShowOnItsPublicPageAtOnce() throws {
        var visitor = server.browser()
        let before = try visitor.get("/communes/37123")
        #expect(before.text.contains("Ouvert aujourd'hui de 8 h 30 à 12 h et de 13 h 30 à 17 h 30"))
        #expect(before.text.contains("Du lundi au vendredi : 8 h 30 – 12 h et 13 h 30 – 17 h 30"))

        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let list = try admin.get("/admin/organisations")
        #expect(list.status == 200)
        #expect(list.body.contains("<caption>Mairies</caption>"))
        #expect(list.body.contains("href=\"\(Self.langeais)\""))
        let page = try admin.get(Self.langeais)
        #expect(page.status == 200)
        #expect(page.body.contains("value=\"8 h 30 – 12 h, 13 h 30 – 17 h 30\""))
        let saved = try admin.post(Self.langeais, form: PageResponse.changing(page.formFields, [
            "phone": "0247961250",
            "hours-friday": "8h30-12h",
            "exception-0-date": "25/12/2026", "exception-0-note": "Noël",
        ]))
        #expect(saved.status == 303)
        let location = try #require(saved.header("Location"))
        #expect(try admin.get(location).text.contains("Les informations de Mairie de Langeais sont enregistrées"))

        let after = try visitor.get("/communes/37123")
        #expect(after.text.contains("02 47 96 12 50"))
        #expect(after.text.contains("Ouvert aujourd'hui de 8 h 30 à 12 h</strong>"))
        #expect(after.text.contains("Du lundi au jeudi : 8 h 30 – 12 h et 13 h 30 – 17 h 30"))
        #expect(after.text.contains("Vendredi : 8 h 30 – 12 h"))
        #expect(after.text.contains("Vendredi 25 décembre 2026 : fermé (Noël)"))
        let procedure = try visitor.get("/demarches/acte-de-naissance?commune=37123")
        #expect(procedure.text.contains("02 47 96 12 50"), "procedure pages show the handler's new details too")
    }

    @Test func aMistakeKeepsEverythingTyped() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let page = try admin.get(Self.langeais)
        let refused = try admin.post(Self.langeais, form: PageResponse.changing(page.formFields, [
            "phone": "02 47", "hours-monday": "le matin", "notes": "Titres d'identité : sur rendez-vous\nParking derrière la mairie",
            "exception-0-date": "24/12/2026", "exception-0-hours": "9h-25h",
        ]))
        #expect(refused.status == 422)
        #expect(refused.text.contains("<title>Erreur : Modifier : Mairie de Langeais"))
        #expect(refused.body.contains("href=\"#phone\""))
        #expect(refused.body.contains("href=\"#hours-monday\""))
        #expect(refused.body.contains("href=\"#exception-0-hours\""))
        #expect(refused.body.contains("value=\"02 47\""))
        #expect(refused.body.contains("value=\"le matin\""))
        #expect(refused.body.contains("value=\"9h-25h\""))
        #expect(refused.text.contains("Parking derrière la mairie</textarea>"))
        var visitor = server.browser()
        #expect(!(try visitor.get("/communes/37123").text.contains("Parking")), "nothing is saved")
    }

    @Test(arguments: ["agent.langeais@demo.cctoval.fr", "conseiller@demo.cctoval.fr", "habitant@demo.cctoval.fr"])
    func otherRolesFindNoOrganisationPages(login: String) throws {
        var browser = try server.loggedIn(login)
        for path in ["/admin/organisations", Self.langeais] {
            #expect(try browser.get(path).status == 404, "\(login) \(path)")
        }
        let posted = try browser.post(Self.langeais, form: [("_csrf", ""), ("name", "Piratée")])
        #expect(posted.status == 404 || posted.status == 403)
        var visitor = server.browser()
        #expect(try visitor.get("/communes/37123").text.contains("Mairie de Langeais"))
    }

    @Test func anUnknownOrganisationIsNotFound() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        #expect(try admin.get("/admin/organisations/mairie-99999").status == 404)
    }
}
