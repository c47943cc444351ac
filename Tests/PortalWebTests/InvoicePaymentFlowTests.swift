import Foundation
import PortalCore
import PortalPayFiP
import Testing

/// A résident pays an invoice through the real server and the built-in PayFiP simulator: the
/// payment page, the notification over HTTP, the return, the receipt and the PDF; nobody else
/// sees the invoice; forged notifications change nothing.
@Suite struct InvoicePaymentFlowTests {
    let server: PortalTestServer
    let invoice: Invoice

    init() throws {
        server = try PortalTestServer(demo: true)
        invoice = try Self.issue(on: server)
    }

    static func issue(on server: PortalTestServer) throws -> Invoice {
        guard case .success(let agent, _) = try Accounts(database: server.database, hasher: PortalTestServer.hasher)
            .logIn(email: "agent.langeais@demo.cctoval.fr", password: "demo-portail-2026", remoteAddress: "192.0.2.1", now: Date())
        else { throw InvoiceError.notFound }
        let due = CalendarDay(Date()).adding(days: 30)
        return try Invoices(database: server.database, catalogue: try Catalogue(database: server.database), links: server.links).issue(
            InvoiceForm(regieId: "mairie-37123", payerEmail: "habitant@demo.cctoval.fr", object: "Location de la salle des fêtes",
                        dueOn: due.iso, lines: [.init(label: "Salle des fêtes", period: "Samedi 12 décembre", quantity: "1", unitPrice: "150"),
                                                .init(label: "Ménage", quantity: "2", unitPrice: "17,25")]),
            actor: agent, now: Date())
    }

    func loggedIn(_ login: String) throws -> Browser {
        var browser = server.browser()
        _ = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        return browser
    }

    /// The path and query of an absolute URL on the test server.
    func local(_ url: String) -> String {
        url.replacingOccurrences(of: "http://127.0.0.1:\(server.port)", with: "")
    }

    func paymentStatus() throws -> String? {
        try server.database.pool.read { db in try String.fetchOne(db, sql: "SELECT status FROM payment ORDER BY id DESC LIMIT 1") }
    }

    @Test func aResidentPaysOnlineAndGetsTheReceipt() throws {
        var browser = try loggedIn("habitant@demo.cctoval.fr")
        #expect(try browser.get("/mon-espace").text.contains("1 facture à payer : 184,50\u{202F}€"))
        let list = try browser.get("/mon-espace/factures")
        #expect(list.status == 200)
        #expect(list.text.contains(invoice.number))
        #expect(list.text.contains("Total à payer : <strong>184,50\u{202F}€</strong>"))

        let page = try browser.get("/mon-espace/factures/\(invoice.id)")
        #expect(page.text.contains("<h1>Facture \(invoice.number)</h1>"))
        #expect(page.text.contains("Salle des fêtes – Samedi 12 décembre"))
        #expect(page.text.contains(">34,50\u{202F}€<"), "2 × 17,25 €")
        #expect(page.text.contains("Payer en ligne"))

        let start = try browser.post("/mon-espace/factures/\(invoice.id)/payer", form: [("_csrf", page.csrfToken ?? "")])
        #expect(start.status == 303)
        let providerPage = try #require(start.header("Location"))
        #expect(providerPage.hasPrefix("http://127.0.0.1:\(server.port)/payfip-sim/paiement?idop="))
        // A second click goes to the same operation.
        #expect(try browser.post("/mon-espace/factures/\(invoice.id)/payer", form: [("_csrf", page.csrfToken ?? "")])
            .header("Location") == providerPage)

        let simulator = try browser.get(local(providerPage))
        #expect(simulator.text.contains("Simulateur PayFiP : aucun paiement réel."))
        #expect(simulator.text.contains("Paiement de 184,50\u{202F}€"))
        let operationId = String(providerPage.split(separator: "=").last ?? "")
        let back = try browser.post("/payfip-sim/paiement", form: [("idop", operationId), ("choix", "payer")])
        #expect(back.status == 303)
        let returnURL = try #require(back.header("Location"))
        #expect(returnURL == "http://127.0.0.1:\(server.port)/paiement/payfip/retour?idop=\(operationId)")

        // The notification arrives over HTTP on its own.
        let deadline = Date().addingTimeInterval(10)
        while try paymentStatus() != PaymentStatus.paid.rawValue, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try paymentStatus() == PaymentStatus.paid.rawValue)

        let returned = try browser.get(local(returnURL))
        #expect(returned.status == 303)
        let result = try browser.get(try #require(returned.header("Location")))
        #expect(result.text.contains("Votre paiement de 184,50\u{202F}€ est accepté."))
        #expect(result.text.contains("<strong class=\"tag tag--status\">Payée</strong>"))
        #expect(!result.text.contains("Payer en ligne"))
        let receiptPath = try #require(result.body.range(of: "href=\"(/mon-espace/factures/\\d+/recus/\\d+)\"", options: .regularExpression)
            .map { String(result.body[$0].dropFirst(6).dropLast()) })
        let receipt = try browser.get(receiptPath)
        #expect(receipt.text.contains("Ce reçu vaut accusé de réception de votre paiement."))
        #expect(receipt.text.contains("Carte bancaire en ligne (PayFiP)"))
        #expect(result.text.contains("Carte bancaire en ligne (PayFiP), référence "), "the invoice shows the payment's reference")
        #expect(receipt.text.contains("(facture entièrement payée)"))
        #expect(try browser.get("/mon-espace").text.contains("Vous n'avez aucune facture à payer."))
        #expect(try browser.post("/mon-espace/factures/\(invoice.id)/payer", form: [("_csrf", page.csrfToken ?? "")])
            .text.contains("Cette facture ne peut pas être payée : elle est « payée »."))

        let mails = try Outbox(database: server.database).due(now: Date().addingTimeInterval(60)).map(\.message)
        #expect(mails.filter { $0.subject == "Reçu de votre paiement : facture \(invoice.number)" }.count == 1)
    }

    @Test func theInvoiceComesAsAPDFWithItsNumberAndTotal() throws {
        var browser = try loggedIn("habitant@demo.cctoval.fr")
        let pdf = try browser.get("/mon-espace/factures/\(invoice.id)/facture.pdf")
        #expect(pdf.status == 200)
        #expect(pdf.header("Content-Type") == "application/pdf")
        #expect(pdf.header("Content-Disposition")?.contains("facture-\(invoice.number).pdf") == true)
        #expect(pdf.bytes.starts(with: Array("%PDF-".utf8)))
        let file = server.dataDirectory.appendingPathComponent("facture.pdf")
        try Data(pdf.bytes).write(to: file)
        let text = try PDFText.extract(file)
        #expect(text.contains("Facture \(invoice.number)"))
        #expect(text.contains("Reste à payer : 184,50 €"))
        #expect(text.contains("Régie de recettes de la commune de Langeais"))
    }

    @Test func nobodyElseSeesTheInvoice() throws {
        for login in ["habitante.bourgueil@demo.cctoval.fr", "agent.langeais@demo.cctoval.fr", "conseiller@demo.cctoval.fr"] {
            var browser = try loggedIn(login)
            for path in ["/mon-espace/factures/\(invoice.id)", "/mon-espace/factures/\(invoice.id)/facture.pdf"] {
                #expect(try browser.get(path).status == 404, "\(login) \(path)")
            }
            let token = try browser.get("/mon-espace/profil").csrfToken ?? ""
            #expect(try browser.post("/mon-espace/factures/\(invoice.id)/payer", form: [("_csrf", token)]).status == 404, "\(login)")
        }
        var anonymous = server.browser()
        #expect(try anonymous.get("/mon-espace/factures/\(invoice.id)").header("Location") == "/connexion?retour=/mon-espace/factures/\(invoice.id)")
    }

    @Test func forgedNotificationsChangeNothing() throws {
        var client = server.browser()
        #expect(try client.post("/paiement/payfip/notification", form: [("idop", "inconnu")]).status == 404)
        #expect(try client.post("/paiement/payfip/notification", form: []).status == 400)
        #expect(try client.post("/paiement/payfip/notification", form: [("idop", "x")], contentType: "text/plain").status == 415)
        #expect(try client.get("/paiement/payfip/retour?idop=inconnu").status == 404)
        var browser = try loggedIn("habitant@demo.cctoval.fr")
        let page = try browser.get("/mon-espace/factures/\(invoice.id)")
        let start = try browser.post("/mon-espace/factures/\(invoice.id)/payer", form: [("_csrf", page.csrfToken ?? "")])
        let operationId = String(try #require(start.header("Location")).split(separator: "=").last ?? "")
        // Notified before the payer chose: the provider says "in progress", nothing is credited.
        #expect(try client.post("/paiement/payfip/notification", form: [("idop", operationId)]).status == 200)
        #expect(try paymentStatus() == PaymentStatus.pending.rawValue)
        #expect(try browser.get("/mon-espace/factures/\(invoice.id)").text.contains("Payer en ligne"))
    }

    @Test func theRealClientSpeaksWithTheSimulatorsSOAPService() throws {
        let key = try #require(server.application.payFiPSimulatorKey)
        let service = PayFiPWebService(endpoint: URL(string: "http://127.0.0.1:\(server.port)/payfip-sim/services/securite")!,
                                       paymentPage: "http://127.0.0.1:\(server.port)/payfip-sim/paiement?idop=", simulatorKey: key)
        let order = PayFiPOrder(numcli: "037123", exer: "2026", refdet: "TEST000001", montant: 1250, mel: "camille@example.org",
                                objet: "Essai", urlnotif: "http://127.0.0.1:\(server.port)/paiement/payfip/notification",
                                urlredirect: "http://127.0.0.1:\(server.port)/paiement/payfip/retour", saisie: .test)
        let operationId = try service.createPayment(order)
        #expect(throws: PaymentProviderError.inProgress) { try service.details(operationId: operationId) }
        #expect(throws: PaymentProviderError.refused(code: "P1", label: "IdOp incorrect")) { try service.details(operationId: "inconnu") }
        var bad = order
        bad.montant = 5
        #expect(throws: PaymentProviderError.self) { try service.createPayment(bad) }
        // The operation's page opens only with its payer token, which the portal gives the browser it sends there.
        var stranger = server.browser()
        #expect(try stranger.get(local(service.paymentPageURL(operationId: operationId))).status == 404)
        var payer = server.browser()
        payer.cookies["payfip_sim_\(operationId)"] = try PayFiPSimulator(
            database: server.database, links: server.links, send: { _ in }).payerToken(for: operationId)
        #expect(try payer.get(local(service.paymentPageURL(operationId: operationId))).status == 200)
        _ = try payer.post("/payfip-sim/paiement", form: [("idop", operationId), ("choix", "refuser")])
        let transaction = try service.details(operationId: operationId)
        #expect(transaction.resultrans == "R")
        #expect(transaction.montant == 1250)
        #expect(transaction.refdet == "TEST000001")
        #expect(try payer.get(local(service.paymentPageURL(operationId: operationId))).status == 404, "finished")
        let unreachable = PayFiPWebService(endpoint: URL(string: "http://127.0.0.1:1/")!, paymentPage: "", timeout: 2)
        #expect(throws: PaymentProviderError.self) { try unreachable.createPayment(order) }
    }

    @Test func withTheNotificationDroppedThePayersReturnAloneSettlesThePayment() throws {
        let server = try PortalTestServer(demo: true, payment: .simulator(.dropped))
        let invoice = try Self.issue(on: server)
        var browser = server.browser()
        _ = try browser.submit("/connexion", from: "/connexion", form: [("email", "habitant@demo.cctoval.fr"), ("password", "demo-portail-2026")])
        let page = try browser.get("/mon-espace/factures/\(invoice.id)")
        let start = try browser.post("/mon-espace/factures/\(invoice.id)/payer", form: [("_csrf", page.csrfToken ?? "")])
        let operationId = String(try #require(start.header("Location")).split(separator: "=").last ?? "")
        let back = try browser.post("/payfip-sim/paiement", form: [("idop", operationId), ("choix", "payer")])
        let returned = try browser.post(try #require(back.header("Location")).replacingOccurrences(of: "http://127.0.0.1:\(server.port)", with: ""),
                                        form: [("idop", operationId)])
        let result = try browser.get(try #require(returned.header("Location")))
        #expect(result.text.contains("est accepté"))
    }

    @Test func withPayFiPConfiguredTheSimulatorIsOffAndFormsMayLeadToPayFiP() throws {
        let server = try PortalTestServer(demo: true, payment: .payfip(
            endpoint: URL(string: "https://www.payfip.gouv.fr/tpa/services/securite")!,
            paymentPage: "https://www.payfip.gouv.fr/tpa/paiementws.web?idop="))
        var browser = server.browser()
        #expect(try browser.get("/payfip-sim/paiement?idop=x").status == 404)
        #expect(try browser.post("/payfip-sim/services/securite", form: [("x", "y")]).status == 404)
        let home = try browser.get("/")
        #expect(home.header("Content-Security-Policy")?.contains("form-action 'self' https://www.payfip.gouv.fr") == true)
    }
}
