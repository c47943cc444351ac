import Foundation
import PortalCore
import Testing

/// Single-line fields through the real server: a name, an invoice's object or a document's label
/// typed on two lines is refused in French, next to the field, with every answer kept.
@Suite struct TypedTextFlowTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true) }

    static let nameOnTwoLines = "Camille\r\nBcc: victime@example.fr"
    static let lineBreakMessage = "Votre nom doit tenir sur une seule ligne : retirez les retours à la ligne."

    func loggedIn(_ login: String) throws -> Browser {
        var browser = server.browser()
        let response = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        #expect(response.status == 303)
        return browser
    }

    /// The error summary links to `field` with `message`, the field shows it, and `value` is back in the input.
    static func expectRefused(_ page: PageResponse, field: String, message: String, keeping value: String) {
        #expect(page.status == 422)
        #expect(page.text.contains("<title>Erreur : "))
        #expect(page.text.contains("<a href=\"#\(field)\">\(message)</a>"))
        #expect(page.body.contains("id=\"\(field)-error\""))
        #expect(page.text.contains("\(message)</span>"), "the message is also next to the field")
        #expect(page.text.contains("value=\"\(value)\""), "the answer is kept as typed")
    }

    @Test func signUpRefusesANameOnTwoLinesAndKeepsTheAnswers() throws {
        var browser = server.browser()
        let page = try browser.submit("/inscription", from: "/inscription", form: [
            ("displayName", Self.nameOnTwoLines), ("email", "camille.roux@example.fr"), ("password", "une phrase de passe facile"),
            ("commune", "37123"),
        ])
        Self.expectRefused(page, field: "displayName", message: Self.lineBreakMessage, keeping: Self.nameOnTwoLines)
        #expect(page.body.contains("value=\"camille.roux@example.fr\""))
        #expect(page.body.contains("<option value=\"37123\" selected>"))
        #expect(page.body.components(separatedBy: "<li><a href=\"#").count - 1 == 1, "only the name is wrong")
        let accounts = try server.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account WHERE email = 'camille.roux@example.fr'") ?? 0
        }
        #expect(accounts == 0)
    }

    @Test func theProfileRefusesANameOnTwoLinesAndKeepsTheAnswers() throws {
        var browser = try loggedIn("habitant@demo.cctoval.fr")
        let page = try browser.get("/mon-espace/profil")
        let saved = try browser.post("/mon-espace/profil", form: [
            ("_csrf", page.csrfToken ?? ""), ("displayName", Self.nameOnTwoLines), ("commune", "37123"), ("phone", "02 47 96 12 50"),
            ("address-street", "12 rue des Écoles"), ("address-postal-code", "37130"), ("address-city", "Langeais"),
        ])
        Self.expectRefused(saved, field: "displayName", message: Self.lineBreakMessage, keeping: Self.nameOnTwoLines)
        for value in ["02 47 96 12 50", "12 rue des Écoles", "37130", "Langeais"] {
            #expect(saved.text.contains("value=\"\(value)\""), "\(value) is kept")
        }
        #expect(try browser.get("/mon-espace/profil").body.contains("value=\"Camille Martin\""), "nothing was saved")
    }

    @Test func anAgentsInvoiceObjectOnTwoLinesIsRefusedWithTheAnswersKept() throws {
        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        let form = try agent.get("/agent/factures/nouvelle")
        let due = CalendarDay(Date()).adding(days: 20)
        let object = "Location de la salle\r\nBcc: victime@example.fr"
        let refused = try agent.post("/agent/factures/nouvelle", form: [
            ("_csrf", form.csrfToken ?? ""), ("regie", "mairie-37123"), ("payeur", "habitant@demo.cctoval.fr"), ("objet", object),
            ("echeance", due.iso), ("ligne-1-libelle", "Salle des fêtes"), ("ligne-1-periode", "Samedi\n12 décembre"),
            ("ligne-1-quantite", "1"), ("ligne-1-prix", "150"),
        ])
        Self.expectRefused(refused, field: "objet",
                           message: "L'objet de la facture doit tenir sur une seule ligne : retirez les retours à la ligne.", keeping: object)
        Self.expectRefused(refused, field: "ligne-1-periode",
                           message: "La période de la ligne 1 doit tenir sur une seule ligne : retirez les retours à la ligne.",
                           keeping: "Samedi\n12 décembre")
        #expect(refused.text.contains("value=\"Salle des fêtes\""))
        #expect(try server.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice") ?? 0 } == 0)
    }
}

extension AgentBackOfficeTests {
    @Test func anAgentsDocumentLabelOnTwoLinesIsRefusedWithTheAnswersKept() throws {
        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        let path = "/agent/dossiers/\(ids[0])"
        let page = try agent.get(path)
        let due = CalendarDay(Date()).adding(days: 10)
        let label = "Attestation CAF\r\nBcc: victime@example.fr"
        let refused = try agent.post(path + "/pieces", form: [
            ("_csrf", page.csrfToken ?? ""), ("libelle", label), ("explication", "De moins de 3 mois.\r\nLisible."),
            ("echeance-day", String(due.day)), ("echeance-month", String(due.month)), ("echeance-year", String(due.year)),
        ])
        TypedTextFlowTests.expectRefused(refused, field: "libelle",
                                         message: "Le document demandé doit tenir sur une seule ligne : retirez les retours à la ligne.",
                                         keeping: label)
        #expect(refused.text.contains(">De moins de 3 mois.\r\nLisible.</textarea>"), "the explanation is kept")
        #expect(refused.body.contains("name=\"echeance-day\" inputmode=\"numeric\" value=\"\(due.day)\""), "and the date")

        let reason = "Illisible\u{7}"
        let withReason = try agent.post(path + "/action", form: [("_csrf", page.csrfToken ?? ""), ("action", "refuser"), ("motif", reason)])
        #expect(withReason.status == 422)
        #expect(withReason.text.contains("<a href=\"#motif-refuser\">Le motif contient un caractère invisible"))
        #expect(withReason.body.contains("id=\"motif-refuser-error\""))
        #expect(withReason.text.contains(">\(reason)</textarea>"), "the reason is kept")
    }
}
