import Foundation
import PortalCore
import Testing

/// A resident keeps their contact details on « Mes coordonnées », through the real server, and
/// finds them pre-filled in an online request; the page is the resident's own.
@Suite struct ProfileFlowTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true) }

    func loggedIn(_ login: String) throws -> Browser {
        var browser = server.browser()
        let response = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        #expect(response.status == 303)
        return browser
    }

    @Test func aResidentSavesTheirDetailsAndFindsThemPreFilledInARequest() throws {
        var browser = try loggedIn("habitant@demo.cctoval.fr")
        let dashboard = try browser.get("/mon-espace")
        #expect(dashboard.body.contains("<a href=\"/mon-espace/profil\">Mes coordonnées</a>"))

        let page = try browser.get("/mon-espace/profil")
        #expect(page.status == 200)
        #expect(page.text.contains("<title>Mes coordonnées – Portail citoyen CCTOVAL</title>"))
        #expect(page.text.contains("habitant@demo.cctoval.fr"))
        #expect(page.body.contains("value=\"Camille Martin\""))
        #expect(page.body.contains("<option value=\"37123\" selected>"))
        #expect(page.text.contains("Numéro de téléphone (facultatif)"))
        #expect(page.text.contains("Adresse postale (facultatif)"))
        #expect(!page.body.contains("*"), "no asterisks")

        // One mistake: the postal code. Everything typed comes back, with the message in French.
        let typed = [
            ("displayName", "Camille Martin-Roy"), ("commune", "37123"), ("phone", "+33 2 47 96 12 50"),
            ("address-street", "12 rue des Écoles"), ("address-postal-code", "3713"), ("address-city", "Langeais"),
        ]
        let wrong = try browser.post("/mon-espace/profil", form: [("_csrf", page.csrfToken ?? "")] + typed)
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("<title>Erreur : Mes coordonnées"))
        #expect(wrong.body.contains("<a href=\"#address-postal-code\">Saisissez un code postal de 5 chiffres, par exemple 37130.</a>"))
        #expect(wrong.body.components(separatedBy: "<li><a href=\"#").count - 1 == 1, "only the postal code is wrong")
        #expect(wrong.body.contains("id=\"address-postal-code\" name=\"address-postal-code\" value=\"3713\""))
        for value in ["Camille Martin-Roy", "+33 2 47 96 12 50", "12 rue des Écoles", "Langeais"] {
            #expect(wrong.text.contains("value=\"\(value)\""), "\(value) is kept")
        }
        #expect(try browser.get("/mon-espace/profil").body.contains("value=\"Camille Martin\""), "nothing was saved")

        var fixed = typed
        fixed[4] = ("address-postal-code", "37130")
        let saved = try browser.post("/mon-espace/profil", form: [("_csrf", page.csrfToken ?? "")] + fixed)
        #expect(saved.status == 303)
        #expect(saved.header("Location") == "/mon-espace/profil?enregistre=1")
        let confirmed = try browser.get("/mon-espace/profil?enregistre=1")
        #expect(confirmed.text.contains("Vos coordonnées sont enregistrées."))
        #expect(confirmed.body.contains("value=\"02 47 96 12 50\""))
        #expect(confirmed.text.contains("Connecté(e) : Camille Martin-Roy"))

        // A request asking for the resident's address and phone number starts with them.
        let procedure = try browser.get("/demarches/composteur")
        let started = try browser.post("/demarches/composteur/demande", form: [("_csrf", procedure.csrfToken ?? "")])
        let draftPath = try #require(started.header("Location"))
        let housing = try browser.get(draftPath + "/pages/logement")
        #expect(housing.status == 200)
        #expect(housing.text.contains("id=\"adresse-street\" name=\"adresse-street\" autocomplete=\"street-address\" value=\"12 rue des Écoles\""))
        #expect(housing.body.contains("autocomplete=\"postal-code\" inputmode=\"numeric\" value=\"37130\""))
        #expect(housing.body.contains("autocomplete=\"address-level2\" value=\"Langeais\""))
        let collection = try browser.get(draftPath + "/pages/retrait")
        #expect(collection.body.contains("value=\"02 47 96 12 50\" autocomplete=\"tel\""))
    }

    @Test func theProfileIsTheResidentsOwn() throws {
        var visitor = server.browser()
        #expect(try visitor.get("/mon-espace/profil").header("Location") == "/connexion?retour=/mon-espace/profil")

        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        let page = try agent.get("/agent")
        #expect(try agent.get("/mon-espace/profil").status == 404)
        let posted = try agent.post("/mon-espace/profil", form: [
            ("_csrf", page.csrfToken ?? ""), ("displayName", "Quelqu'un d'autre"), ("commune", "37123"),
        ])
        #expect(posted.status == 404)
        #expect(try agent.get("/agent").text.contains("Connecté(e) : Julien Moreau"))

        // A form sent without its anti-forgery token is refused, and what was typed comes back.
        var resident = try loggedIn("habitante.bourgueil@demo.cctoval.fr")
        let forged = try resident.post("/mon-espace/profil", form: [("displayName", "Léa Dubois-Martin"), ("commune", "37031")])
        #expect(forged.status == 403)
        #expect(forged.text.contains("Ce formulaire a expiré."))
        #expect(forged.body.contains("value=\"Léa Dubois-Martin\""))
        #expect(try resident.get("/mon-espace/profil").body.contains("value=\"Léa Dubois\""))
    }
}
