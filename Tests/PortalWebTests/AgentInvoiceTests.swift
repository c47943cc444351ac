import Foundation
import PortalCore
import Testing

/// The régisseurs' side through the real server: issuing by hand, counter payments and their
/// receipts, cancelling, collection, importing a CSV file, exports, and who may see what.
@Suite struct AgentInvoiceTests {
    let server: PortalTestServer

    init() throws {
        server = try PortalTestServer(demo: true)
    }

    func loggedIn(_ login: String) throws -> Browser {
        var browser = server.browser()
        _ = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        return browser
    }

    func agent() throws -> Browser { try loggedIn("agent.langeais@demo.cctoval.fr") }

    /// An invoice of 184.50 € from the mairie of Langeais to Camille Martin.
    func issued() throws -> Invoice { try InvoicePaymentFlowTests.issue(on: server) }

    /// The `n`th number of the régie coded `code` this year: `F-37123-26-000001`.
    func number(_ code: String, _ n: Int) -> String {
        "F-\(code)-\(String(format: "%02d", CalendarDay(Date()).year % 100))-\(String(format: "%06d", n))"
    }

    func invoiceCount() throws -> Int {
        try server.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice") ?? 0 }
    }

    /// The first link on the page whose address matches `pattern`.
    func link(_ pattern: String, in page: PageResponse) throws -> String {
        let range = try #require(page.body.range(of: "href=\"\(pattern)\"", options: .regularExpression))
        return String(page.body[range].dropFirst(6).dropLast())
    }

    @Test func anAgentIssuesAnInvoiceAfterCorrectingAMistake() throws {
        var browser = try agent()
        let queue = try browser.get("/agent")
        #expect(queue.body.contains("<a href=\"/agent/factures\">Factures</a>"), "the queue links to the invoices")
        let list = try browser.get("/agent/factures")
        #expect(list.status == 200)
        #expect(list.body.contains("<a href=\"/agent\">Demandes à traiter</a>"), "and back")
        #expect(list.text.contains("0 facture"))
        let form = try browser.get("/agent/factures/nouvelle")
        #expect(form.text.contains("Régie : <strong>Régie de recettes de la commune de Langeais</strong>"), "one régie: no choice to make")
        let due = CalendarDay(Date()).adding(days: 20)
        var answers = [
            ("regie", "mairie-37123"), ("payeur", "habitant@demo.cctoval.fr"), ("objet", "Location de la salle des fêtes"),
            ("echeance", "\(due.day)/\(due.month)/\(due.year)"),
            ("ligne-1-libelle", "Salle des fêtes"), ("ligne-1-periode", "Samedi 12 décembre"), ("ligne-1-quantite", "1"),
            ("ligne-1-prix", "15O"), ("ligne-2-libelle", "Ménage"), ("ligne-2-quantite", "2"), ("ligne-2-prix", "17,25"),
        ]
        let mistake = try browser.post("/agent/factures/nouvelle", form: [("_csrf", form.csrfToken ?? "")] + answers)
        #expect(mistake.status == 422)
        #expect(mistake.text.contains("<title>Erreur : Émettre une facture"))
        #expect(mistake.text.contains("<a href=\"#ligne-1-prix\">Le prix unitaire de la ligne 1 doit être un montant en euros, par exemple 12,50.</a>"))
        #expect(mistake.text.contains("value=\"Location de la salle des fêtes\""), "answers are kept")
        #expect(mistake.text.contains("value=\"15O\""))
        #expect(mistake.body.contains("value=\"\(due.iso)\""), "the date typed JJ/MM/AAAA comes back in the date input's form")
        #expect(try invoiceCount() == 0)

        answers[7] = ("ligne-1-prix", "150")
        let done = try browser.post("/agent/factures/nouvelle", form: [("_csrf", mistake.csrfToken ?? "")] + answers)
        #expect(done.status == 303)
        let path = try #require(done.header("Location"))
        #expect(path.hasPrefix("/agent/factures/") && path.hasSuffix("?fait=emise"))
        let page = try browser.get(path)
        #expect(page.text.contains("<h1>Facture \(number("37123", 1))</h1>"))
        #expect(page.text.contains("La facture \(number("37123", 1)) est émise."))
        #expect(page.text.contains("Camille Martin (habitant@demo.cctoval.fr)"))
        #expect(page.text.contains("Salle des fêtes – Samedi 12 décembre"))
        #expect(page.text.contains("<strong>184,50\u{202F}€</strong>"))
        #expect(page.text.contains("Julien Moreau : Facture émise"))
        let listed = try browser.get("/agent/factures")
        #expect(listed.text.contains(number("37123", 1)))
        #expect(listed.text.contains("1 facture"))
        #expect(listed.text.contains("<dt>Reste dû</dt><dd><strong>184,50\u{202F}€</strong></dd>"))

        var resident = try loggedIn("habitant@demo.cctoval.fr")
        #expect(try resident.get("/mon-espace/factures").text.contains(number("37123", 1)))
        let mails = try Outbox(database: server.database).due(now: Date().addingTimeInterval(60)).map(\.message.subject)
        #expect(mails.contains("Nouvelle facture \(number("37123", 1)) : 184,50\u{202F}€"))
    }

    @Test func anAgentOfSeveralRegiesChoosesOne() throws {
        try server.database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO regie (id, organisationId, name, payfipClientNumber, payfipMode, numberingCode)
                VALUES ('salles-37123', 'mairie-37123', 'Régie des salles de Langeais', '123456', 'T', 'SAL')
                """)
        }
        var browser = try agent()
        let form = try browser.get("/agent/factures/nouvelle")
        #expect(form.text.contains("<option value=\"salles-37123\">Régie des salles de Langeais</option>"))
        let due = CalendarDay(Date()).adding(days: 20).iso
        var answers = [("payeur", "habitant@demo.cctoval.fr"), ("objet", "Location de la salle"), ("echeance", due),
                       ("ligne-1-libelle", "Salle"), ("ligne-1-quantite", "1"), ("ligne-1-prix", "80")]
        let noRegie = try browser.post("/agent/factures/nouvelle", form: [("_csrf", form.csrfToken ?? ""), ("regie", "")] + answers)
        #expect(noRegie.status == 422)
        #expect(noRegie.text.contains("<a href=\"#regie\">Choisissez la régie qui émet la facture.</a>"))
        answers.append(("regie", "salles-37123"))
        let done = try browser.post("/agent/factures/nouvelle", form: [("_csrf", form.csrfToken ?? "")] + answers)
        #expect(try browser.get(try #require(done.header("Location"))).text.contains("<h1>Facture \(number("SAL", 1))</h1>"))
        let list = try browser.get("/agent/factures?regie=salles-37123")
        #expect(list.text.contains("<option value=\"salles-37123\" selected>Régie des salles de Langeais</option>"))
        #expect(list.text.contains("1 facture"))
    }

    @Test func cashThenTheRestByChequePaysTheInvoiceWithAReceiptEachTime() throws {
        let invoice = try issued()
        var browser = try agent()
        let path = "/agent/factures/\(invoice.id)"
        let page = try browser.get(path)
        let token = page.csrfToken ?? ""
        let cash = try browser.post(path + "/encaissement", form: [("_csrf", token), ("montant", "100"), ("moyen", "especes"), ("reference", "")])
        #expect(cash.status == 303)
        let afterCash = try browser.get(try #require(cash.header("Location")))
        #expect(afterCash.text.contains("Paiement de 100,00\u{202F}€ enregistré : reçu n° R-"))
        #expect(afterCash.text.contains("Partiellement payée"))
        let receiptPath = try link("/agent/factures/\(invoice.id)/recus/[0-9]+", in: afterCash)
        let receipt = try browser.get(receiptPath)
        #expect(receipt.status == 200)
        #expect(receipt.text.contains("Reçu de paiement n° R-"))
        #expect(receipt.text.contains("<dt>Moyen de paiement</dt><dd>Espèces</dd>"))
        #expect(receipt.text.contains("<dt>Reste à payer</dt><dd>84,50\u{202F}€</dd>"))
        #expect(receipt.text.contains("<dt>Encaissé par</dt><dd>Julien Moreau</dd>"))

        let noNumber = try browser.post(path + "/encaissement", form: [("_csrf", token), ("montant", "84,50"), ("moyen", "cheque"), ("reference", "")])
        #expect(noNumber.status == 422)
        #expect(noNumber.text.contains("<a href=\"#reference\">Saisissez le numéro du chèque.</a>"))
        #expect(noNumber.body.contains("id=\"montant\" name=\"montant\" value=\"84,50\""), "the amount typed is kept")
        #expect(noNumber.body.contains("value=\"cheque\" checked"), "and the channel chosen")
        let tooMuch = try browser.post(path + "/encaissement", form: [("_csrf", token), ("montant", "90"), ("moyen", "cheque"), ("reference", "1234567")])
        #expect(tooMuch.text.contains("Le montant ne peut pas dépasser le reste à payer, 84,50\u{202F}€."))

        let cheque = try browser.post(path + "/encaissement", form: [("_csrf", token), ("montant", "84,50"), ("moyen", "cheque"), ("reference", "1234567")])
        #expect(cheque.status == 303)
        let paid = try browser.get(path)
        #expect(paid.text.contains("<strong class=\"tag tag--status\">Payée</strong>"))
        #expect(!paid.text.contains("Enregistrer le paiement"), "nothing left to record")
        #expect(paid.text.contains("1234567"))
        #expect(paid.text.contains("Paiement reçu"))
        let refused = try browser.post(path + "/encaissement", form: [("_csrf", token), ("montant", "1"), ("moyen", "especes")])
        #expect(refused.status == 409)
        #expect(refused.text.contains("Cette facture ne peut plus recevoir de paiement : elle est « payée »."))
        let receipts = try Outbox(database: server.database).due(now: Date().addingTimeInterval(60)).map(\.message.subject)
        #expect(receipts.filter { $0 == "Reçu de votre paiement : facture \(invoice.number)" }.count == 2)
    }

    @Test func cancellingNeedsAReasonThePayerReads() throws {
        let invoice = try issued()
        var browser = try agent()
        let path = "/agent/factures/\(invoice.id)"
        let token = try browser.get(path).csrfToken ?? ""
        let noReason = try browser.post(path + "/annulation", form: [("_csrf", token), ("motif", "  ")])
        #expect(noReason.status == 422)
        #expect(noReason.text.contains("<a href=\"#motif\">Indiquez le motif de l'annulation : le payeur le lira dans son espace.</a>"))
        let cancelled = try browser.post(path + "/annulation", form: [("_csrf", token), ("motif", "Salle finalement prêtée gratuitement")])
        #expect(cancelled.header("Location") == path + "?fait=annulee")
        let page = try browser.get(path + "?fait=annulee")
        #expect(page.text.contains("Annulée</strong> : Salle finalement prêtée gratuitement"))
        #expect(page.text.contains("La facture est annulée."))
        let again = try browser.post(path + "/annulation", form: [("_csrf", token), ("motif", "Encore")])
        #expect(again.status == 409)
        #expect(try browser.post(path + "/recouvrement", form: [("_csrf", token)]).status == 409)
        var resident = try loggedIn("habitant@demo.cctoval.fr")
        #expect(try resident.get("/mon-espace/factures/\(invoice.id)").text.contains("Salle finalement prêtée gratuitement"))

        let other = try issued()
        let collected = try browser.post("/agent/factures/\(other.id)/recouvrement", form: [("_csrf", token)])
        #expect(collected.status == 303)
        #expect(try browser.get("/agent/factures/\(other.id)").text.contains("Transmise au recouvrement</strong>"))
        #expect(try browser.post("/agent/factures/\(other.id)/recouvrement", form: [("_csrf", "faux")]).status == 403, "anti-forgery token checked")
    }

    @Test func aCSVFileWithABadLineImportsNothingThenTheCorrectedOneImportsAll() throws {
        var browser = try agent()
        let form = try browser.get("/agent/factures/import")
        #expect(form.text.contains("payeur_email"))
        let due = CalendarDay(Date()).adding(days: 30).iso
        func file(_ secondPrice: String) -> [UInt8] {
            [0xEF, 0xBB, 0xBF] + Array("""
                reference;payeur_email;objet;echeance;libelle;periode;quantite;prix_unitaire\r
                CANT-1;habitant@demo.cctoval.fr;Cantine – mars;\(due);Repas;Mars;12;3,50\r
                CANT-1;habitant@demo.cctoval.fr;Cantine – mars;\(due);"Goûter; lait";Mars;12;0,80\r
                CANT-2;habitante.bourgueil@demo.cctoval.fr;Cantine – mars;\(due);Repas;Mars;8;\(secondPrice)\r

                """.utf8)
        }
        let bad = try browser.postMultipart("/agent/factures/import", fields: [("_csrf", form.csrfToken ?? ""), ("regie", "mairie-37123")],
                                            files: [("fichier", "cantine.csv", file("trois euros"))])
        #expect(bad.status == 422)
        #expect(bad.text.contains("<title>Erreur : Importer des factures"))
        #expect(bad.text.contains("<a href=\"#lignes-refusees\">Le fichier n'a pas été importé : 1 ligne est à corriger.</a>"))
        #expect(bad.text.contains("<th scope=\"row\">4</th><td>CANT-2</td>"))
        #expect(bad.text.contains("Le prix unitaire de la ligne 4 doit être un montant en euros, par exemple 12,50."))
        #expect(try invoiceCount() == 0)

        let good = try browser.postMultipart("/agent/factures/import", fields: [("_csrf", form.csrfToken ?? ""), ("regie", "mairie-37123")],
                                             files: [("fichier", "cantine.csv", file("3,50"))])
        #expect(good.status == 200)
        #expect(good.text.contains("2 factures émises, de \(number("37123", 1)) à \(number("37123", 2)), pour 79,60\u{202F}€."))
        #expect(try invoiceCount() == 2)
        #expect(try browser.get("/agent/factures").text.contains("2 factures"))

        let none = try browser.postMultipart("/agent/factures/import", fields: [("_csrf", form.csrfToken ?? ""), ("regie", "mairie-37123")],
                                             files: [("fichier", "", [])])
        #expect(none.status == 422)
        #expect(none.text.contains("<a href=\"#fichier\">Choisissez le fichier CSV à importer.</a>"))
        let empty = try browser.postMultipart("/agent/factures/import", fields: [("_csrf", form.csrfToken ?? ""), ("regie", "mairie-37123")],
                                              files: [("fichier", "vide.csv", [])])
        #expect(empty.text.contains("Le fichier est vide."))
    }

    @Test func theExportsOpenInASpreadsheetWithAccents() throws {
        let invoice = try issued()
        var browser = try agent()
        let token = try browser.get("/agent/factures/\(invoice.id)").csrfToken ?? ""
        _ = try browser.post("/agent/factures/\(invoice.id)/encaissement",
                             form: [("_csrf", token), ("montant", "1234"), ("moyen", "cheque"), ("reference", "=HYPERLINK(1)")])
        _ = try browser.post("/agent/factures/\(invoice.id)/encaissement",
                             form: [("_csrf", token), ("montant", "100"), ("moyen", "especes"), ("reference", "")])
        let invoices = try browser.get("/agent/factures/export.csv?statut=toutes")
        #expect(invoices.status == 200)
        #expect(invoices.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(Array(invoices.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: invoices.bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("Facture;Régie;Payeur;E-mail du payeur;Objet;Émise le;Échéance;Total;Payé;Reste dû;Statut"))
        #expect(lines[1].hasPrefix("\(invoice.number);Régie de recettes de la commune de Langeais;Camille Martin;habitant@demo.cctoval.fr;Location de la salle des fêtes;"))
        #expect(lines[1].contains(";184,50;100,00;84,50;Partiellement payée;non;"))

        let today = CalendarDay(Date()).iso
        let payments = try browser.get("/agent/paiements/export.csv?du=\(today)&au=\(today)")
        #expect(payments.header("Content-Disposition")?.contains("paiements-\(today)-\(today).csv") == true)
        let rows = String(decoding: payments.bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(rows[0] == "Date;Heure;Reçu;Facture;Régie;Payeur;Moyen de paiement;Référence;Montant")
        #expect(rows.filter { $0.contains(invoice.number) }.count == 1, "the cheque above the remaining amount was refused")
        #expect(rows[1].contains(";Camille Martin;Espèces;;100,00"))
        let cheques = try browser.get("/agent/paiements/export.csv?du=\(today)&au=\(today)&canal=cheque")
        #expect(String(decoding: cheques.bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").count == 2, "header only")
        let wrong = try browser.get("/agent/paiements/export.csv?du=31/02/2026&au=\(today)")
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("<a href=\"#paiements-du\">La date de début doit être une date réelle, par exemple 01/03/2026.</a>"))
        #expect(wrong.body.contains("value=\"31/02/2026\""))

        let filtered = try browser.get("/agent/factures?statut=toutes&payeur=MARTIN&du=99/99/2026")
        #expect(filtered.text.contains("<a href=\"#du\">La date « Émises du » doit être une date réelle, par exemple 01/03/2026.</a>"))
        #expect(filtered.text.contains(invoice.number), "the other filters still apply")
        #expect(try browser.get("/agent/factures?payeur=dubois").text.contains("0 facture"))
        #expect(try browser.get("/agent/factures?retard=1").text.contains("0 facture"))
    }

    @Test func agentsSeeWhoWasRemindedWhen() throws {
        let invoice = try issued()  // due in 30 days
        let invoices = Invoices(database: server.database, catalogue: try Catalogue(database: server.database), links: server.links)
        let soon = Date().addingTimeInterval(27 * 86400)
        #expect(try invoices.sendReminders(now: soon, policy: ReminderPolicy(daysBefore: 5, daysAfter: 10)).before == 1)
        var browser = try agent()
        #expect(try browser.get("/agent/factures").text.contains("<td>Rappel le \(CalendarDay(soon).french)</td>"))
        let page = try browser.get("/agent/factures/\(invoice.id)")
        #expect(page.text.contains("Le portail : Rappel envoyé avant l'échéance<br><span class=\"timeline__detail\">Envoyé à habitant@demo.cctoval.fr</span>"))
        #expect(page.text.contains("<dt>Relance après l'échéance</dt><dd>Pas encore envoyée</dd>"))
    }

    @Test func anotherOrganisationsAgentAndResidentsGet404() throws {
        let invoice = try issued()
        var owner = try agent()
        let token = try owner.get("/agent/factures/\(invoice.id)").csrfToken ?? ""
        _ = try owner.post("/agent/factures/\(invoice.id)/encaissement", form: [("_csrf", token), ("montant", "10"), ("moyen", "especes")])
        let paymentId = try server.database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM payment") } ?? 0
        let invoicePaths = ["/agent/factures/\(invoice.id)", "/agent/factures/\(invoice.id)/recus/\(paymentId)"]
        let actions = ["encaissement", "annulation", "recouvrement"].map { "/agent/factures/\(invoice.id)/\($0)" }

        var other = try loggedIn("agent.bourgueil@demo.cctoval.fr")
        let otherToken = try other.get("/agent/factures").csrfToken ?? ""
        for path in invoicePaths { #expect(try other.get(path).status == 404, "\(path)") }
        for path in actions {
            #expect(try other.post(path, form: [("_csrf", otherToken), ("montant", "5"), ("moyen", "especes"), ("motif", "x")]).status == 404, "\(path)")
        }
        #expect(!(try other.get("/agent/factures?statut=toutes").text.contains(invoice.number)))
        #expect(!(try other.get("/agent/factures/export.csv?statut=toutes").text.contains(invoice.number)))
        #expect(!(try other.get("/agent/paiements/export.csv").text.contains(invoice.number)))
        #expect(try invoiceCount() == 1)
        #expect(try owner.get("/agent/factures/\(invoice.id)").text.contains("Partiellement payée"), "nothing changed")

        var resident = try loggedIn("habitant@demo.cctoval.fr")
        let residentToken = try resident.get("/mon-espace/profil").csrfToken ?? ""
        for path in ["/agent/factures", "/agent/factures/nouvelle", "/agent/factures/import", "/agent/factures/export.csv",
                     "/agent/paiements/export.csv"] + invoicePaths {
            #expect(try resident.get(path).status == 404, "\(path)")
        }
        for path in actions + ["/agent/factures/nouvelle"] {
            #expect(try resident.post(path, form: [("_csrf", residentToken)]).status == 404, "\(path)")
        }
        var anonymous = server.browser()
        #expect(try anonymous.get("/agent/factures").header("Location") == "/connexion?retour=/agent/factures")
        #expect(try anonymous.get("/agent/factures/\(invoice.id)").header("Location") == "/connexion?retour=/agent/factures/\(invoice.id)")
    }
}
