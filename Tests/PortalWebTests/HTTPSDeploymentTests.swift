import Foundation
import Testing

/// Behind an HTTPS proxy (a public address in `https://`) cookies are `Secure` with the `__Host-` prefix and
/// responses carry HSTS; on plain HTTP nothing of the kind is sent.
@Suite struct HTTPSDeploymentTests {
    @Test func overHTTPSCookiesAreSecureAndPrefixedAndHSTSIsSent() throws {
        let server = try PortalTestServer(demo: true, publicURL: "https://demarches.cctoval.example")
        var browser = server.browser()
        let form = try browser.get("/connexion")
        #expect(form.header("Strict-Transport-Security") == "max-age=31536000")
        let csrf = try #require(form.headers("Set-Cookie").first { $0.hasPrefix("__Host-portail_csrf=") })
        #expect(csrf.contains("Secure"))
        #expect(csrf.contains("Path=/"))
        #expect(!csrf.lowercased().contains("domain="))

        let loggedIn = try browser.submit("/connexion", from: "/connexion", form: [
            ("email", "habitant@demo.cctoval.fr"), ("password", "demo-portail-2026"),
        ])
        #expect(loggedIn.status == 303)
        let session = try #require(loggedIn.headers("Set-Cookie").first { $0.hasPrefix("__Host-portail_session=") })
        #expect(session.contains("Secure"))
        #expect(session.contains("HttpOnly"))
        #expect(!loggedIn.headers("Set-Cookie").contains { $0.hasPrefix("portail_session=") })

        let dashboard = try browser.get("/mon-espace")
        #expect(dashboard.status == 200, "the prefixed session cookie is the one read back")
        #expect(dashboard.header("Strict-Transport-Security") != nil)

        // An unprefixed cookie (which a plain-HTTP page or a subdomain could have set) is not a session.
        let token = try #require(browser.cookies["__Host-portail_session"])
        var forged = server.browser()
        forged.cookies["portail_session"] = token
        #expect(try forged.get("/mon-espace").status == 303)
    }

    @Test func overPlainHTTPNothingChanges() throws {
        let server = try PortalTestServer(demo: true)
        var browser = server.browser()
        let form = try browser.get("/connexion")
        #expect(form.header("Strict-Transport-Security") == nil)
        let csrf = try #require(form.headers("Set-Cookie").first { $0.hasPrefix("portail_csrf=") })
        #expect(!csrf.contains("Secure"))
        let loggedIn = try browser.submit("/connexion", from: "/connexion", form: [
            ("email", "habitant@demo.cctoval.fr"), ("password", "demo-portail-2026"),
        ])
        let session = try #require(loggedIn.headers("Set-Cookie").first { $0.hasPrefix("portail_session=") })
        #expect(!session.contains("Secure"))
        #expect(try browser.get("/mon-espace").status == 200)
    }
}
