import Foundation
import Testing

/// The information pages are rendered once for all anonymous visitors: what a visitor sees must
/// be exactly what they would see without the cache.
@Suite struct PageCacheTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true) }

    @Test func anonymousPagesCarryNothingOfTheVisitorAndAreTheSameForEveryone() throws {
        var first = server.browser(), second = server.browser()
        let one = try first.get("/demarches")
        let two = try second.get("/demarches")
        #expect(one.status == 200)
        #expect(one.body == two.body)
        #expect(!one.body.contains("name=\"_csrf\""))
        #expect(one.headers("Set-Cookie").isEmpty, "no anti-forgery cookie on a page without a form")
        #expect(two.header("Cache-Control") == "no-cache")
    }

    @Test func aLoggedInVisitorNeverGetsTheAnonymousPage() throws {
        var anonymous = server.browser()
        let before = try anonymous.get("/demarches")
        #expect(before.text.contains("Se connecter"))

        var resident = server.browser()
        let loggedIn = try resident.submit("/connexion", from: "/connexion",
                                           form: [("email", "habitant@demo.cctoval.fr"), ("password", "demo-portail-2026")])
        #expect(loggedIn.status == 303)
        let page = try resident.get("/demarches")
        #expect(page.body.contains("Camille Martin"))
        #expect(page.csrfToken?.isEmpty == false, "the log-out form carries the resident's token")
        #expect(page.header("Cache-Control") == "private, no-cache")

        // Nor does the anonymous visitor ever get the resident's page.
        let after = try anonymous.get("/demarches")
        #expect(after.body == before.body)
        #expect(!after.body.contains("Camille Martin"))
    }

    @Test func theCommuneChoiceChangesThePageAndIsRememberedOnEveryAnswer() throws {
        var langeais = server.browser(), bourgueil = server.browser()
        let inLangeais = try langeais.get("/demarches/inscription-cantine?commune=37123")
        let inBourgueil = try bourgueil.get("/demarches/inscription-cantine?commune=37031")
        #expect(inLangeais.body.contains("Langeais"))
        #expect(inBourgueil.body.contains("Bourgueil"))
        #expect(inLangeais.body != inBourgueil.body)

        // A second visitor choosing Langeais gets the shared page and still their cookie.
        var other = server.browser()
        let shared = try other.get("/demarches/inscription-cantine?commune=37123")
        #expect(shared.body == inLangeais.body)
        #expect(other.cookies["portail_commune"] == "37123")

        // The remembered commune selects the page without the query.
        let remembered = try bourgueil.get("/demarches/inscription-cantine")
        #expect(remembered.body == inBourgueil.body)
        #expect(remembered.headers("Set-Cookie").isEmpty, "the cookie already says Bourgueil")

        // Without any choice, the page asks for the commune.
        var newcomer = server.browser()
        let unchosen = try newcomer.get("/demarches/inscription-cantine")
        #expect(unchosen.body != inLangeais.body)
        #expect(unchosen.body != inBourgueil.body)
    }

    @Test func searchesWithDifferentTextsGetTheirOwnResults() throws {
        var browser = server.browser()
        let creche = try browser.get("/demarches?q=creche")
        let passeport = try browser.get("/demarches?q=passeport")
        #expect(creche.text.contains("Résultats pour « creche »"))
        #expect(passeport.text.contains("Résultats pour « passeport »"))
        #expect(try browser.get("/demarches?q=creche").body == creche.body)
    }

    @Test func compressedAndPlainAnswersFollowEachRequest() throws {
        var browser = server.browser()
        let plain = try browser.get("/communes")
        let gzip = try browser.get("/communes", headers: [("Accept-Encoding", "gzip")])
        let plainAgain = try browser.get("/communes")
        #expect(plain.header("Content-Encoding") == nil)
        #expect(gzip.header("Content-Encoding") == "gzip")
        #expect(Int(gzip.header("Content-Length") ?? "") ?? .max < Int(plain.header("Content-Length") ?? "") ?? 0)
        #expect(plainAgain.header("Content-Encoding") == nil)
        #expect(plainAgain.body == plain.body)
        for page in [plain, gzip, plainAgain] {
            #expect(page.header("Vary")?.contains("Accept-Encoding") == true)
            #expect(page.header("Content-Security-Policy") != nil)
        }
    }

    @Test func formsStillGetTheirAntiForgeryCookie() throws {
        var browser = server.browser()
        _ = try browser.get("/demarches")
        #expect(browser.cookies["portail_csrf"] == nil)
        let form = try browser.get("/connexion")
        #expect(browser.cookies["portail_csrf"] != nil)
        #expect(form.csrfToken?.isEmpty == false)
    }
}
