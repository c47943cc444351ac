import Foundation
import GRDB
import Testing

/// Errors are answered with pages in the layout, in French, with their status.
@Suite struct ErrorPageTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true) }

    @Test func logOutWithoutAValidTokenIs403InTheLayout() throws {
        var browser = server.browser()
        _ = try browser.submit("/connexion", from: "/connexion", form: [("email", "habitant@demo.cctoval.fr"), ("password", "demo-portail-2026")])
        let refused = try browser.post("/deconnexion", form: [("_csrf", "forged")])
        #expect(refused.status == 403)
        #expect(refused.text.contains("Formulaire expiré"))
        #expect(refused.text.contains("vos réponses y sont conservées"))
        // The session is still open.
        #expect(try browser.get("/mon-espace").status == 200)
    }

    @Test func formPostedWithAnotherEncodingIs415() throws {
        var browser = server.browser()
        let page = try browser.get("/connexion")
        let response = try browser.post("/connexion", form: [("_csrf", page.csrfToken ?? "")], contentType: "text/plain")
        #expect(response.status == 415)
        #expect(response.text.contains("Demande incorrecte"))
    }

    @Test func aFailureInsideTheServerIsA500PageAndTheServerKeepsServing() throws {
        try server.database.pool.write { db in try db.execute(sql: "DROP TABLE procedure_search") }
        var browser = server.browser()
        let failed = try browser.get("/demarches?q=cantine")
        #expect(failed.status == 500)
        #expect(failed.text.contains("Une erreur s'est produite"))
        #expect(failed.body.contains("<html lang=\"fr\">"))
        #expect(try browser.get("/demarches").status == 200)
    }

    @Test func headAnswersWithTheHeadersOfGetAndNoBody() throws {
        var browser = server.browser()
        let get = try browser.get("/communes")
        let head = try browser.head("/communes")
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == get.header("Content-Length"))
        #expect(head.body.isEmpty)
    }
}
