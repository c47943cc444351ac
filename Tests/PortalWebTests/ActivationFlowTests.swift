import Foundation
import PortalCore
import Testing

/// A resident whose account was made at a France Services counter chooses their password on
/// `/activation` with the code they were given, then logs in with it.
@Suite struct ActivationFlowTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true) }

    /// An account made at the counter by the demo adviser, through the core; its activation code.
    func accountMadeAtTheCounter() throws -> String {
        let accounts = Accounts(database: server.database, hasher: PortalTestServer.hasher)
        guard case .success(let adviser, _) = try accounts.logIn(
            email: "conseiller@demo.cctoval.fr", password: DemoData.password, remoteAddress: "192.0.2.7", now: Date()) else {
            throw FranceServicesError.notFound
        }
        let franceServices = FranceServices(database: server.database, catalogue: try Catalogue(database: server.database), links: server.links)
        return try franceServices.createAccount(displayName: "Marcel Petit", email: "marcel.petit@example.org", communeInsee: "37123",
                                         birthDate: "12/05/1948", adviser: adviser, now: Date()).activationCode
    }

    @Test func theLogInPageLeadsToActivation() throws {
        var browser = server.browser()
        let logIn = try browser.get("/connexion")
        #expect(logIn.body.contains("<a href=\"/activation\">Vous avez reçu un code d'activation ?</a>"))
        let page = try browser.get("/activation")
        #expect(page.status == 200)
        #expect(page.text.contains("<title>Choisir votre mot de passe"))
        #expect(page.text.contains(PasswordPolicy.hint))
    }

    @Test func aWrongCodeIsRefusedThenTheRightOneSetsThePassword() throws {
        let code = try accountMadeAtTheCounter()
        var browser = server.browser()
        let empty = try browser.submit("/activation", from: "/activation", form: [("email", ""), ("code", ""), ("password", "court")])
        #expect(empty.status == 422)
        #expect(empty.text.contains("<title>Erreur : Choisir votre mot de passe"))
        for field in ["email", "code", "password"] { #expect(empty.body.contains("href=\"#\(field)\"")) }

        let wrong = try browser.submit("/activation", from: "/activation", form: [
            ("email", "marcel.petit@example.org"), ("code", "AAAA-AAAA"), ("password", "le jardin de mon grand-père"),
        ])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("Cette adresse e-mail et ce code ne correspondent pas"))
        #expect(wrong.body.contains("value=\"marcel.petit@example.org\""), "the e-mail is kept")
        #expect(!wrong.body.contains("le jardin de mon grand-père"), "the password is never sent back")

        let done = try browser.submit("/activation", from: "/activation", form: [
            ("email", "Marcel.Petit@example.org"), ("code", code.lowercased()), ("password", "le jardin de mon grand-père"),
        ])
        #expect(done.status == 303)
        #expect(done.header("Location") == "/connexion?active=1")
        let notice = try browser.get("/connexion?active=1")
        #expect(notice.text.contains("Votre mot de passe est enregistré."))
        let loggedIn = try browser.submit("/connexion", from: "/connexion", form: [
            ("email", "marcel.petit@example.org"), ("password", "le jardin de mon grand-père"),
        ])
        #expect(loggedIn.status == 303)
        #expect(loggedIn.header("Location") == "/mon-espace")
        #expect(try browser.get("/mon-espace").text.contains("Bonjour Marcel Petit – Langeais."))

        var again = server.browser()
        let reused = try again.submit("/activation", from: "/activation", form: [
            ("email", "marcel.petit@example.org"), ("code", code), ("password", "une autre phrase de passe"),
        ])
        #expect(reused.status == 422, "a code serves once")
    }

    @Test func anAdviserCreatesTheAccountWithThePersonWhoThenChoosesTheirPassword() throws {
        var adviser = server.browser()
        _ = try adviser.submit("/connexion", from: "/connexion", form: [("email", "conseiller@demo.cctoval.fr"), ("password", DemoData.password)])
        let form = try adviser.get("/guichet/habitants/nouveau")
        #expect(form.status == 200)
        #expect(!form.body.contains("type=\"password\""), "the adviser never types a password")
        let wrong = try adviser.post("/guichet/habitants/nouveau", form: [
            ("_csrf", form.csrfToken ?? ""), ("displayName", "Marcel Petit"), ("email", "habitant@demo.cctoval.fr"), ("commune", ""),
            ("naissance", "1948"),
        ])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("<title>Erreur : Créer un compte avec la personne"))
        for field in ["commune", "naissance"] { #expect(wrong.body.contains("href=\"#\(field)\"")) }
        #expect(wrong.body.contains("value=\"Marcel Petit\""))
        let taken = try adviser.post("/guichet/habitants/nouveau", form: [
            ("_csrf", form.csrfToken ?? ""), ("displayName", "Marcel Petit"), ("email", "habitant@demo.cctoval.fr"), ("commune", "37123"),
            ("naissance", "12/05/1948"),
        ])
        #expect(taken.status == 422)
        #expect(taken.text.contains("Un compte existe déjà avec cette adresse e-mail"))

        let sheet = try adviser.post("/guichet/habitants/nouveau", form: [
            ("_csrf", form.csrfToken ?? ""), ("displayName", "Marcel Petit"), ("email", "marcel.petit@example.org"), ("commune", "37123"),
            ("naissance", "12/05/1948"),
        ])
        #expect(sheet.status == 200)
        #expect(sheet.header("Cache-Control") == "no-store")
        #expect(sheet.text.contains("Remettez cette feuille à la personne"))
        #expect(sheet.text.contains("http://127.0.0.1:\(server.port)/activation"))
        let code = try #require(sheet.body.range(of: "<p class=\"reference\">").map { String(sheet.body[$0.upperBound...].prefix(9)) })
        #expect(code.count == 9 && code.contains("-"))
        let home = try adviser.get("/guichet")
        #expect(home.text.contains("Compte créé au guichet"), "the creation is journaled")
        #expect(!home.text.contains(code), "the code is not kept anywhere the adviser can read it again")

        var resident = server.browser()
        let activated = try resident.submit("/activation", from: "/activation", form: [
            ("email", "marcel.petit@example.org"), ("code", code), ("password", "les cerises de Bourgueil"),
        ])
        #expect(activated.header("Location") == "/connexion?active=1")
        let loggedIn = try resident.submit("/connexion", from: "/connexion", form: [
            ("email", "marcel.petit@example.org"), ("password", "les cerises de Bourgueil"),
        ])
        #expect(loggedIn.header("Location") == "/mon-espace")
    }
}
