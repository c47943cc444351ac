import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// `/admin` lists what the team must still check; public pages never show those notes.
@Suite struct AdminHomeTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer() }

    @Test func theAdministratorSeesTheEntriesToVerify() throws {
        var browser = try server.loggedIn("admin@demo.cctoval.fr")
        let page = try browser.get("/admin")
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Administration</h1>"))
        #expect(page.text.contains("<caption>Fiches à vérifier</caption>"))
        #expect(page.body.contains("<a href=\"/admin/demarches/transport-scolaire\">"))
        #expect(page.text.contains("Frais de dossier fixés par la Région : montant à vérifier chaque année."))
        #expect(page.body.contains("<a href=\"/admin/organisations/mairie-37031\">Mairie de Bourgueil</a>"), "organisations link to their edit page")
        #expect(page.text.contains("Vérifier que la mairie est toujours équipée d'un dispositif de recueil (carte de l'ANTS)."))
    }

    @Test(arguments: ["/communes/37031", "/communes/37036", "/communes/37137", "/demarches/carte-nationale-identite",
                      "/demarches/passeport", "/demarches/inscription-cantine", "/demarches/transport-scolaire",
                      "/demarches/location-salle-des-fetes", "/qui-fait-quoi"])
    func publicPagesShowNoNoteForTheTeam(path: String) throws {
        var browser = server.browser()
        let page = try browser.get(path)
        #expect(page.status == 200)
        #expect(!page.text.localizedCaseInsensitiveContains("à vérifier"), "\(path)")
        #expect(!page.text.contains("donnée de démonstration"), "\(path)")
    }
}
