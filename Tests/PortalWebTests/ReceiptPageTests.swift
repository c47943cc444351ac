import Foundation
import PortalCore
import Testing

/// The receipts of two partial payments through the real server, as the résident and the
/// régie's agent see them: each keeps what remained once its payment was received.
@Suite struct ReceiptPageTests {
    let server: PortalTestServer
    let invoice: Invoice

    init() throws {
        server = try PortalTestServer(demo: true)
        invoice = try InvoicePaymentFlowTests.issue(on: server)
    }

    func loggedIn(_ login: String) throws -> Browser {
        var browser = server.browser()
        _ = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        return browser
    }

    func paymentIds() throws -> [Int64] {
        try server.database.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM payment WHERE invoiceId = ? ORDER BY id", arguments: [invoice.id])
        }
    }

    @Test func aPartialPaymentsReceiptStillSaysWhatRemainedOnceTheInvoiceIsPaidOff() throws {
        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        var resident = try loggedIn("habitant@demo.cctoval.fr")
        let invoicePath = "/agent/factures/\(invoice.id)"
        let token = try agent.get(invoicePath).csrfToken ?? ""
        let cash = try agent.post(invoicePath + "/encaissement", form: [("_csrf", token), ("montant", "100"), ("moyen", "especes"), ("reference", "")])
        #expect(cash.status == 303)
        let first = try #require(try paymentIds().first)
        let receipts = [("/mon-espace/factures/\(invoice.id)/recus/\(first)", true), ("/agent/factures/\(invoice.id)/recus/\(first)", false)]

        func expectFirstReceipt(_ when: String) throws {
            for (path, isResident) in receipts {
                let page = isResident ? try resident.get(path) : try agent.get(path)
                #expect(page.status == 200, "\(path) \(when)")
                #expect(page.text.contains("<dt>Montant de la facture</dt><dd>184,50\u{202F}€</dd>"), "\(path) \(when)")
                #expect(page.text.contains("<dt>Déjà payé, ce paiement compris</dt><dd>100,00\u{202F}€</dd>"), "\(path) \(when)")
                #expect(page.text.contains("<dt>Reste à payer</dt><dd>84,50\u{202F}€</dd>"), "\(path) \(when)")
                #expect(!page.text.contains("entièrement payée"), "\(path) \(when)")
            }
        }
        try expectFirstReceipt("after the first payment")

        let cheque = try agent.post(invoicePath + "/encaissement",
                                    form: [("_csrf", token), ("montant", "84,50"), ("moyen", "cheque"), ("reference", "1234567")])
        #expect(cheque.status == 303)
        #expect(try resident.get("/mon-espace/factures/\(invoice.id)").text.contains("<strong class=\"tag tag--status\">Payée</strong>"))
        try expectFirstReceipt("once the invoice is paid off")

        let second = try #require(try paymentIds().last)
        for page in [try resident.get("/mon-espace/factures/\(invoice.id)/recus/\(second)"),
                     try agent.get("/agent/factures/\(invoice.id)/recus/\(second)")] {
            #expect(page.text.contains("<dt>Déjà payé, ce paiement compris</dt><dd>184,50\u{202F}€</dd>"))
            #expect(page.text.contains("<dt>Reste à payer</dt><dd>0,00\u{202F}€ (facture entièrement payée)</dd>"))
        }
    }
}
