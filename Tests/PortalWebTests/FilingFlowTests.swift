import Foundation
import PortalCore
import Testing

/// A resident files a request online through the real server, from the procedure page to the
/// acknowledgement; nobody else can see it.
@Suite struct FilingFlowTests {
    static let form = FormDefinition(procedureSlug: "inscription-cantine", version: 0, pages: [
        FormPage(id: "enfant", title: "Votre enfant", fields: [
            FieldDefinition(id: "prenom", kind: .shortText, label: "Prénom de l'enfant",
                            rules: FieldRules(requiredMessage: "Saisissez le prénom de l'enfant.")),
            FieldDefinition(id: "naissance", kind: .date, label: "Date de naissance", rules: FieldRules(latest: "today")),
            FieldDefinition(id: "ecole", kind: .singleChoice, label: "École", choices: [
                .init(value: "publique", label: "École publique"),
                .init(value: "college", label: "Collège",
                      ending: FormEnding(title: "Le collège n'est pas géré par la commune",
                                         body: "La restauration du collège est gérée par le collège lui-même.")),
            ]),
            FieldDefinition(id: "allergie", kind: .yesNo, label: "Votre enfant a-t-il une allergie alimentaire ?"),
        ]),
        FormPage(id: "allergie-detail", title: "L'allergie", fields: [
            FieldDefinition(id: "pai", kind: .longText, label: "Décrivez l'allergie"),
        ], condition: ShowCondition(field: "allergie", isOneOf: ["oui"])),
        FormPage(id: "contact", title: "Vos coordonnées", fields: [
            FieldDefinition(id: "courriel", kind: .email, label: "Adresse e-mail", prefill: .email),
            FieldDefinition(id: "telephone", kind: .phone, label: "Téléphone", required: false),
        ]),
    ])

    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true, forms: [Self.form]) }

    func loggedIn(_ login: String) throws -> Browser {
        var browser = server.browser()
        let response = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        #expect(response.status == 303)
        return browser
    }

    /// Starts a draft from the procedure page; returns its path.
    func start(_ browser: inout Browser) throws -> String {
        let procedure = try browser.get("/demarches/inscription-cantine")
        #expect(procedure.text.contains("Faire la demande en ligne"))
        let started = try browser.post("/demarches/inscription-cantine/demande", form: [("_csrf", procedure.csrfToken ?? "")])
        #expect(started.status == 303)
        return try #require(started.header("Location"))
    }

    @Test func aResidentFilesARequestAndGetsTheAcknowledgement() throws {
        var browser = try loggedIn("habitant@demo.cctoval.fr")
        let draftPath = try start(&browser)
        #expect(draftPath.hasPrefix("/mon-espace/demandes/"))
        let first = try browser.get(draftPath)
        #expect(first.header("Location") == draftPath + "/pages/enfant")

        // A page with mistakes comes back with an error summary and the answers kept.
        let page = try browser.get(draftPath + "/pages/enfant")
        #expect(page.text.contains("Étape 1 sur 2"))
        let wrong = try browser.post(draftPath + "/pages/enfant", form: [
            ("_csrf", page.csrfToken ?? ""), ("prenom", ""), ("naissance-day", "31"), ("naissance-month", "4"), ("naissance-year", "2019"),
            ("ecole", "publique"), ("allergie", "oui"),
        ])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("<title>Erreur : Votre enfant"))
        #expect(wrong.body.contains("href=\"#prenom\""))
        #expect(wrong.body.contains("href=\"#naissance-day\""))
        #expect(wrong.body.contains("value=\"31\""))
        #expect(wrong.body.contains("value=\"oui\" checked"))

        let next = try browser.post(draftPath + "/pages/enfant", form: [
            ("_csrf", page.csrfToken ?? ""), ("prenom", "Léo"), ("naissance-day", "3"), ("naissance-month", "4"), ("naissance-year", "2019"),
            ("ecole", "publique"), ("allergie", "oui"),
        ])
        #expect(next.header("Location") == draftPath + "/pages/allergie-detail")
        _ = try browser.post(draftPath + "/pages/allergie-detail", form: [("_csrf", page.csrfToken ?? ""), ("pai", "Arachide")])
        // The e-mail is pre-filled from the account.
        let contact = try browser.get(draftPath + "/pages/contact")
        #expect(contact.body.contains("value=\"habitant@demo.cctoval.fr\""))
        let toCheck = try browser.post(draftPath + "/pages/contact", form: [
            ("_csrf", page.csrfToken ?? ""), ("courriel", "habitant@demo.cctoval.fr"), ("telephone", "0247961250"),
        ])
        #expect(toCheck.header("Location") == draftPath + "/verifier")

        let check = try browser.get(draftPath + "/verifier")
        #expect(check.text.contains("Vérifiez vos réponses"))
        #expect(check.text.contains("3 avril 2019"))
        #expect(check.text.contains("École publique"))
        #expect(check.text.contains("02 47 96 12 50"))
        #expect(check.body.contains("href=\"\(draftPath)/pages/enfant?retour=verifier\""))

        let filed = try browser.post(draftPath + "/deposer", form: [("_csrf", check.csrfToken ?? "")])
        #expect(filed.status == 303)
        let dossierPath = try #require(filed.header("Location"))
        let receipt = try browser.get(dossierPath)
        #expect(receipt.status == 200)
        #expect(receipt.text.contains("Demande envoyée"))
        #expect(receipt.text.contains("Accusé de réception"))
        #expect(receipt.text.contains("Mairie de Langeais"))
        #expect(receipt.text.contains("considérée comme acceptée"))
        #expect(receipt.text.contains("Arachide"))

        // Sending again (back button, double click) shows the same dossier; nothing is doubled.
        let again = try browser.post(draftPath + "/deposer", form: [("_csrf", check.csrfToken ?? "")])
        #expect(again.header("Location") == dossierPath)
        #expect(try browser.get(draftPath + "/pages/enfant").header("Location")?.hasPrefix(dossierPath.components(separatedBy: "?")[0]) == true)
        let dashboard = try browser.get("/mon-espace")
        #expect(dashboard.text.contains("Demandes en cours"))
        #expect(dashboard.body.components(separatedBy: "Inscrire votre enfant à la cantine").count - 1 == 1)

        // The acknowledgement e-mail and the agents' notice wait in the outbox.
        let queued = try Outbox(database: server.database).due(now: Date().addingTimeInterval(60)).map(\.message.recipient)
        #expect(queued == ["habitant@demo.cctoval.fr", "agent.langeais@demo.cctoval.fr"])

        // Nobody else sees it.
        let path = dossierPath.components(separatedBy: "?")[0]
        for other in ["habitante.bourgueil@demo.cctoval.fr", "agent.langeais@demo.cctoval.fr"] {
            var stranger = try loggedIn(other)
            #expect(try stranger.get(path).status == 404, "\(other)")
            #expect(try stranger.get(draftPath + "/verifier").status == 404, "\(other)")
        }
    }

    @Test func anAnswerCanEndTheFormWithAnExplanation() throws {
        var browser = try loggedIn("habitant@demo.cctoval.fr")
        let draftPath = try start(&browser)
        let page = try browser.get(draftPath + "/pages/enfant")
        let ended = try browser.post(draftPath + "/pages/enfant", form: [
            ("_csrf", page.csrfToken ?? ""), ("prenom", "Léa"), ("naissance-day", "3"), ("naissance-month", "4"), ("naissance-year", "2012"),
            ("ecole", "college"), ("allergie", "non"),
        ])
        #expect(ended.header("Location") == draftPath + "/fin")
        let explanation = try browser.get(draftPath + "/fin")
        #expect(explanation.text.contains("Le collège n'est pas géré par la commune"))
        let refused = try browser.post(draftPath + "/deposer", form: [("_csrf", page.csrfToken ?? "")])
        #expect(refused.header("Location") == draftPath + "/fin")
    }

    @Test func visitorsLogInFirstAndOtherRolesCannotFile() throws {
        var visitor = server.browser()
        let procedure = try visitor.get("/demarches/inscription-cantine")
        #expect(procedure.body.contains("href=\"/connexion?retour=/demarches/inscription-cantine\""))
        #expect(try visitor.get("/mon-espace/demandes/1").header("Location") == "/connexion?retour=/mon-espace/demandes/1")
        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        let page = try agent.get("/demarches/inscription-cantine")
        #expect(!page.text.contains("Faire la demande en ligne"))
    }
}
