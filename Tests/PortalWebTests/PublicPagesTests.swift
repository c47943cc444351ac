import Foundation
import Testing

/// The information pages a resident reads without an account.
@Suite struct PublicPagesTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: false) }

    @Test func homePageIsFrenchStatesAccessibilityAndLinksLegalPages() throws {
        var browser = server.browser()
        let home = try browser.get("/")
        #expect(home.status == 200)
        #expect(home.header("Content-Type") == "text/html; charset=utf-8")
        #expect(home.body.contains("<html lang=\"fr\">"))
        #expect(home.body.contains("Accessibilité : partiellement conforme"))
        #expect(home.body.contains("Aller au contenu"))
        for page in ["/accessibilite", "/mentions-legales", "/donnees-personnelles"] {
            #expect(home.body.contains("href=\"\(page)\""))
            let legal = try browser.get(page)
            #expect(legal.status == 200, "\(page)")
            #expect(legal.body.contains("href=\"/accessibilite\""))
        }
    }

    @Test(arguments: [
        ("cantine", "Cantine"),
        ("creche", "crèche"),
        ("déchetterie", "déchèterie"),
        ("acte de naissance", "acte de naissance"),
        ("permis de construire", "permis de construire"),
        ("passeport", "passeport"),
        ("CNI", "carte nationale d'identité"),
    ])
    func searchFindsTheProcedureFirst(query: String, expected: String) throws {
        var browser = server.browser()
        let page = try browser.get("/demarches?q=\(Browser.encode(query))")
        #expect(page.status == 200)
        let results = try #require(page.body.range(of: "<ul class=\"procedure-list\">"))
        let firstResult = page.body[results.upperBound...].prefix(600)
        let firstText = PageResponse(status: 200, headers: [], body: String(firstResult)).text
        #expect(firstText.lowercased().contains(expected.lowercased()), "first result for \(query): \(firstText)")
    }

    @Test func hostileSearchTextIsHarmless() throws {
        var browser = server.browser()
        for query in ["\"", "*", "-", "(", "NEAR(", "AND", "\u{0}", String(repeating: "a", count: 5000), "<script>alert(1)</script>"] {
            let page = try browser.get("/demarches?q=\(Browser.encode(query))")
            #expect(page.status == 200, "\(query.prefix(20))")
            #expect(!page.body.contains("<script>alert(1)</script>"))
        }
    }

    @Test func catalogueListsEveryCategoryWithItsProcedures() throws {
        var browser = server.browser()
        let page = try browser.get("/demarches")
        #expect(page.status == 200)
        for category in ["État civil", "Famille et enfance", "Déchets", "Papiers d'identité", "Associations"] {
            #expect(page.text.contains(category), "\(category)")
        }
        let procedureLinks = page.body.components(separatedBy: "href=\"/demarches/").count - 1
        #expect(procedureLinks >= 30)
    }

    @Test func procedurePageSaysWhoHandlesItForTheChosenCommune() throws {
        var browser = server.browser()
        let langeais = try browser.get("/demarches/acte-de-naissance?commune=37123")
        #expect(langeais.status == 200)
        #expect(langeais.text.contains("Qui s'en occupe pour Langeais"))
        #expect(langeais.body.contains("Mairie de Langeais"))
        #expect(langeais.text.contains("Horaires d'ouverture"))
        // The choice is remembered for the next page.
        #expect(browser.cookies["portail_commune"] == "37123")
        let bourgueil = try browser.get("/demarches/acte-de-naissance?commune=37031")
        #expect(bourgueil.body.contains("Mairie de Bourgueil"))
        #expect(!bourgueil.body.contains("Mairie de Langeais"))
        let remembered = try browser.get("/demarches/acte-de-naissance")
        #expect(remembered.body.contains("Mairie de Bourgueil"))
    }

    @Test func passportIsHandledByTheAntsWithEquippedMairies() throws {
        var browser = server.browser()
        let page = try browser.get("/demarches/passeport?commune=37137")
        #expect(page.status == 200)
        #expect(page.body.contains("ants.gouv.fr"))
        #expect(page.text.contains("Où vous présenter"))
        #expect(page.body.contains("href=\"/communes/37123\""))
    }

    @Test func unknownProcedureAndCommuneAnswerAFrenchNotFoundPage() throws {
        var browser = server.browser()
        for path in ["/demarches/nexiste-pas", "/communes/99999", "/nulle-part"] {
            let page = try browser.get(path)
            #expect(page.status == 404, "\(path)")
            #expect(page.body.contains("Page introuvable"))
            #expect(page.body.contains("<html lang=\"fr\">"))
        }
    }

    @Test func communePagesShowTheMairieAndItsProcedures() throws {
        var browser = server.browser()
        let list = try browser.get("/communes")
        #expect(list.status == 200)
        #expect(list.body.components(separatedBy: "href=\"/communes/37").count - 1 == 28)
        let langeais = try browser.get("/communes/37123")
        #expect(langeais.status == 200)
        #expect(langeais.body.contains("<h1>Langeais</h1>"))
        #expect(langeais.body.contains("Mairie de Langeais"))
        #expect(langeais.body.contains("tel:"))
        #expect(langeais.body.contains("href=\"/demarches/"))
    }

    @Test func whoDoesWhatCoversEveryProcedureAndShowsExceptions() throws {
        var browser = server.browser()
        let page = try browser.get("/qui-fait-quoi")
        #expect(page.status == 200)
        let rows = page.body.components(separatedBy: "<th scope=\"row\">").count - 1
        #expect(rows >= 30)
        #expect(page.body.contains("href=\"/communes/"))
        let forOne = try browser.get("/qui-fait-quoi?commune=37031")
        #expect(forOne.body.contains("Mairie de Bourgueil"))
    }

    @Test func everyPageCarriesTheSecurityHeaders() throws {
        var browser = server.browser()
        for path in ["/", "/demarches", "/nulle-part", "/connexion", "/healthz"] {
            let page = try browser.get(path)
            let policy = try #require(page.header("Content-Security-Policy"), "\(path)")
            #expect(policy.contains("script-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(page.header("X-Content-Type-Options") == "nosniff")
            #expect(page.header("X-Frame-Options") == "DENY")
            #expect(page.header("Referrer-Policy") != nil)
        }
    }

    @Test func pagesAreCompressedWhenTheBrowserAcceptsGzip() throws {
        var browser = server.browser()
        let page = try browser.get("/demarches", headers: [("Accept-Encoding", "gzip, deflate")])
        #expect(page.status == 200)
        #expect(page.header("Content-Encoding") == "gzip")
        #expect(page.header("Vary")?.contains("Accept-Encoding") == true)
    }

    @Test func stylesheetIsServedWithAFingerprintAndLongCaching() throws {
        var browser = server.browser()
        let home = try browser.get("/")
        let start = try #require(home.body.range(of: "href=\"/static/portal.css?v="))
        let url = "/static/portal.css?v=" + home.body[start.upperBound...].prefix { $0 != "\"" }
        let css = try browser.get(url)
        #expect(css.status == 200)
        #expect(css.header("Content-Type")?.hasPrefix("text/css") == true)
        #expect(css.header("Cache-Control")?.contains("immutable") == true)
        let etag = try #require(css.header("ETag"))
        let again = try browser.get(url, headers: [("If-None-Match", etag)])
        #expect(again.status == 304)
    }

    @Test func healthCheckAnswersOk() throws {
        var browser = server.browser()
        let health = try browser.get("/healthz")
        #expect(health.status == 200)
        #expect(health.body == "ok")
    }
}
