import Foundation
import Testing

/// The France Services counter's home: finding a resident (every search journaled), for advisers only.
@Suite struct FranceServicesSearchTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true) }

    @Test func anAdviserFindsAResidentAndEverySearchIsInTheJournal() throws {
        var adviser = try server.loggedIn("conseiller@demo.cctoval.fr")
        let home = try adviser.get("/guichet")
        #expect(home.status == 200)
        #expect(home.text.contains("Bonjour Karim Benali – France Services de Langeais."))
        #expect(home.text.contains("Vous n'avez encore fait aucune recherche ni action."))
        #expect(home.body.contains("href=\"/guichet/habitants/nouveau\""))

        let empty = try adviser.get("/guichet?nom=&email=&naissance=")
        #expect(empty.status == 422)
        #expect(empty.text.contains("<title>Erreur : Guichet France Services"))
        #expect(empty.body.contains("href=\"#nom\""))
        let badDate = try adviser.get("/guichet?nom=Martin&email=&naissance=31%2F02%2F1980")
        #expect(badDate.body.contains("href=\"#naissance\""))
        #expect(badDate.body.contains("value=\"Martin\""), "the answers are kept")

        let found = try adviser.get("/guichet?nom=marti&email=&naissance=")
        #expect(found.status == 200)
        #expect(found.text.contains("1 personne trouvée"))
        #expect(found.text.contains("Camille Martin"))
        #expect(found.text.contains("Langeais"))
        #expect(found.body.contains("href=\"/guichet/habitants/"))
        #expect(!found.text.contains("habitant@demo.cctoval.fr"), "nothing beyond name and commune")
        #expect(!found.text.contains("Mandat en cours"))
        #expect(found.text.contains("nom « marti » : 1 résultat"), "the search is journaled")

        let none = try adviser.get("/guichet?nom=Personne&email=&naissance=")
        #expect(none.text.contains("0 personnes trouvées"))
        #expect(none.text.contains("Aucune personne ne correspond."))
        #expect(none.text.contains("nom « Personne » : 0 résultat"))
    }

    @Test(arguments: ["habitant@demo.cctoval.fr", "agent.langeais@demo.cctoval.fr", "admin@demo.cctoval.fr"])
    func otherRolesGetNotFound(login: String) throws {
        var browser = try server.loggedIn(login)
        let resident = "/guichet/habitants/\(try server.accountId("habitant@demo.cctoval.fr"))"
        for path in ["/guichet", "/guichet?nom=Martin", "/guichet/habitants/nouveau", resident, resident + "/recapitulatif?familles=famille&duree=visite",
                     resident + "/factures", resident + "/pieces", resident + "/foyer", resident + "/demandes", resident + "/recepisse"] {
            #expect(try browser.get(path).status == 404, "\(login) \(path)")
        }
        let token = try browser.get("/demarches").csrfToken ?? ""
        for path in ["/guichet/habitants/nouveau", resident + "/code", resident + "/mandat", resident + "/demandes", resident + "/inscriptions"] {
            #expect(try browser.post(path, form: [("_csrf", token), ("familles", "famille"), ("duree", "visite"), ("consentement", "signature"),
                                                  ("lecture", "oui")]).status == 404, "\(login) POST \(path)")
        }
    }

    @Test func aLoggedOutVisitorLogsInFirst() throws {
        var browser = server.browser()
        let page = try browser.get("/guichet")
        #expect(page.status == 303)
        #expect(page.header("Location") == "/connexion?retour=/guichet")
    }
}
