import Foundation
import Testing

/// Sign-up, log-in, log-out, anti-forgery tokens and throttling, through the real server.
@Suite struct AccountFlowTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true) }

    static let validSignUp = [
        ("displayName", "Léa Dupont"),
        ("email", "lea.dupont@example.fr"),
        ("password", "une phrase de passe facile"),
        ("commune", "37062"),
    ]

    @Test func invalidSignUpShowsAnErrorSummaryAndKeepsTheAnswers() throws {
        var browser = server.browser()
        let page = try browser.submit("/inscription", from: "/inscription", form: [
            ("displayName", "Léa Dupont"), ("email", "pas-une-adresse"), ("password", "court"), ("commune", ""),
        ])
        #expect(page.status == 422)
        #expect(page.body.contains("class=\"error-summary\""))
        #expect(page.text.contains("<title>Erreur : "))
        #expect(page.body.contains("href=\"#email\""))
        #expect(page.body.contains("href=\"#password\""))
        #expect(page.body.contains("href=\"#commune\""))
        #expect(page.body.contains("value=\"Léa Dupont\""))
        #expect(page.body.contains("value=\"pas-une-adresse\""))
        #expect(!page.body.contains("value=\"court\""), "a password is never sent back")
    }

    @Test func signUpLogsInAndLandsOnTheDashboard() throws {
        var browser = server.browser()
        let created = try browser.submit("/inscription", from: "/inscription", form: Self.validSignUp)
        #expect(created.status == 303)
        #expect(created.header("Location")?.hasPrefix("/mon-espace") == true)
        let cookie = try #require(created.headers("Set-Cookie").first { $0.hasPrefix("portail_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Lax"))
        let dashboard = try browser.get("/mon-espace")
        #expect(dashboard.status == 200)
        #expect(dashboard.body.contains("Léa Dupont"))
        #expect(dashboard.body.contains("Château-la-Vallière"))
        #expect(dashboard.header("Cache-Control")?.contains("private") == true)

        // The same e-mail, whatever its case, cannot sign up twice.
        var other = server.browser()
        let again = try other.submit("/inscription", from: "/inscription", form: [
            ("displayName", "Autre"), ("email", "LEA.DUPONT@example.fr"), ("password", "une autre phrase de passe"), ("commune", "37123"),
        ])
        #expect(again.status == 422)
        #expect(again.body.contains("href=\"#email\""))
    }

    @Test func postWithoutAValidTokenIsRefusedAndKeepsTheAnswers() throws {
        var browser = server.browser()
        _ = try browser.get("/inscription")
        let forged = try browser.post("/inscription", form: [("_csrf", "forged")] + Self.validSignUp)
        #expect(forged.status == 403)
        #expect(forged.body.contains("value=\"Léa Dupont\""))
        #expect(forged.body.contains("value=\"lea.dupont@example.fr\""))
        // Nothing was created: logging in with these details fails.
        let logIn = try browser.submit("/connexion", from: "/connexion", form: [("email", "lea.dupont@example.fr"), ("password", "une phrase de passe facile")])
        #expect(logIn.status == 422)
        // A token from another browser is refused too.
        var other = server.browser()
        let otherToken = try other.get("/inscription").csrfToken ?? ""
        let crossed = try browser.post("/inscription", form: [("_csrf", otherToken)] + Self.validSignUp)
        #expect(crossed.status == 403)
    }

    @Test func logInFailureNeverRevealsWhetherTheAddressExists() throws {
        var browser = server.browser()
        let wrongPassword = try browser.submit("/connexion", from: "/connexion", form: [("email", "habitant@demo.cctoval.fr"), ("password", "pas le bon mot de passe")])
        let unknown = try browser.submit("/connexion", from: "/connexion", form: [("email", "personne@example.fr"), ("password", "pas le bon mot de passe")])
        #expect(wrongPassword.status == unknown.status)
        #expect(wrongPassword.text.contains("Adresse e-mail ou mot de passe incorrect."))
        #expect(unknown.text.contains("Adresse e-mail ou mot de passe incorrect."))
        #expect(wrongPassword.body.contains("value=\"habitant@demo.cctoval.fr\""))
    }

    @Test func repeatedFailuresThrottleTheAccount() throws {
        var browser = server.browser()
        var last: PageResponse?
        for _ in 0..<6 {
            last = try browser.submit("/connexion", from: "/connexion", form: [("email", "habitant@demo.cctoval.fr"), ("password", "mauvais mot de passe")])
        }
        #expect(last?.status == 429)
        #expect(last?.text.contains("Trop de tentatives") == true)
        // Even the right password is refused while throttled.
        let right = try browser.submit("/connexion", from: "/connexion", form: [("email", "habitant@demo.cctoval.fr"), ("password", "demo-portail-2026")])
        #expect(right.status == 429)
    }

    @Test func logOutIsAPostThatEndsTheSession() throws {
        var browser = server.browser()
        let loggedIn = try browser.submit("/connexion", from: "/connexion", form: [("email", "habitant@demo.cctoval.fr"), ("password", "demo-portail-2026")])
        #expect(loggedIn.status == 303)
        let session = try #require(browser.cookies["portail_session"])
        let dashboard = try browser.get("/mon-espace")
        #expect(dashboard.status == 200)
        #expect(try browser.get("/deconnexion").status == 405)
        let loggedOut = try browser.post("/deconnexion", form: [("_csrf", dashboard.csrfToken ?? "")])
        #expect(loggedOut.status == 303)
        #expect(browser.cookies["portail_session"] == nil)
        // The old token no longer opens anything, even if replayed.
        browser.cookies["portail_session"] = session
        let replay = try browser.get("/mon-espace")
        #expect(replay.status == 303)
        #expect(replay.header("Location") == "/connexion?retour=/mon-espace")
    }

    @Test func logInRenewsTheSessionAndFollowsOnlyLocalReturnTargets() throws {
        var browser = server.browser()
        browser.cookies["portail_session"] = "attacker-chosen-token"
        let local = try browser.submit("/connexion", from: "/connexion?retour=/demarches", form: [
            ("email", "habitant@demo.cctoval.fr"), ("password", "demo-portail-2026"), ("retour", "/demarches"),
        ])
        #expect(local.header("Location") == "/demarches")
        #expect(browser.cookies["portail_session"] != "attacker-chosen-token")

        for hostile in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"] {
            var other = server.browser()
            let response = try other.submit("/connexion", from: "/connexion", form: [
                ("email", "habitante.bourgueil@demo.cctoval.fr"), ("password", "demo-portail-2026"), ("retour", hostile),
            ])
            #expect(response.header("Location") == "/mon-espace", "\(hostile)")
        }
    }

    @Test func theLogInRoundTripKeepsThePathAndQuery() throws {
        var browser = server.browser()
        let asked = try browser.get("/agent?statut=depose&page=2")
        #expect(asked.status == 303)
        #expect(asked.header("Location") == "/connexion?retour=/agent%3Fstatut%3Ddepose%26page%3D2")
        let form = try browser.get(try #require(asked.header("Location")))
        #expect(form.body.contains("name=\"retour\" value=\"/agent?statut=depose&amp;page=2\""))
        let loggedIn = try browser.post("/connexion", form: [
            ("_csrf", form.csrfToken ?? ""), ("email", "agent.langeais@demo.cctoval.fr"), ("password", "demo-portail-2026"),
            ("retour", "/agent?statut=depose&page=2"),
        ])
        #expect(loggedIn.header("Location") == "/agent?statut=depose&page=2")
        #expect(try browser.get("/agent?statut=depose&page=2").status == 200)

        // A POST without a session cannot be replayed: it goes back to the space's home.
        var other = server.browser()
        let posted = try other.post("/agent/dossiers/1/note", form: [("texte", "x")])
        #expect(posted.header("Location") == "/connexion?retour=/agent")
    }
}
