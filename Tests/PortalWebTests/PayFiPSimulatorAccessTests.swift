import Foundation
import PortalCore
import PortalPayFiP
import Testing

/// The built-in PayFiP simulator is no open relay: its SOAP service answers only the portal's
/// own process and takes only the portal's addresses, and its page shows an operation only to
/// the browser the portal sent there.
@Suite struct PayFiPSimulatorAccessTests {
    let server: PortalTestServer
    let invoice: Invoice

    init() throws {
        server = try PortalTestServer(demo: true)
        invoice = try InvoicePaymentFlowTests.issue(on: server)
    }

    var base: String { "http://127.0.0.1:\(server.port)" }

    func service(key: String?) -> PayFiPWebService {
        PayFiPWebService(endpoint: URL(string: base + "/payfip-sim/services/securite")!, paymentPage: base + "/payfip-sim/paiement?idop=",
                         timeout: 5, simulatorKey: key)
    }

    func order(notification: String, redirect: String) -> PayFiPOrder {
        PayFiPOrder(numcli: "037123", exer: "2026", refdet: "TEST000001", montant: 1250, mel: "camille@example.org", objet: "Essai",
                    urlnotif: notification, urlredirect: redirect, saisie: .test)
    }

    func operationCount() throws -> Int {
        try server.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payfip_sim_operation") ?? 0 }
    }

    func loggedIn(_ login: String) throws -> Browser {
        var browser = server.browser()
        _ = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        return browser
    }

    @Test func theSOAPServiceAnswersOnlyThePortalsOwnProcess() throws {
        let key = try #require(server.application.payFiPSimulatorKey)
        let relay = order(notification: "http://192.0.2.66/collecte", redirect: "https://ailleurs.example/")
        let portal = order(notification: base + "/paiement/payfip/notification", redirect: base + "/paiement/payfip/retour")
        let refused = PaymentProviderError.refused(code: "T1", label: "Accès refusé : ce service ne répond qu'au portail")
        for stranger in [service(key: nil), service(key: "devine"), service(key: String(key.dropLast()))] {
            #expect(throws: refused) { try stranger.createPayment(relay) }
            #expect(throws: refused) { try stranger.createPayment(portal) }
            #expect(throws: refused) { try stranger.details(operationId: "inconnu") }
        }
        #expect(try operationCount() == 0)
        // With the key, addresses outside the portal are still a fault.
        #expect { try service(key: key).createPayment(relay) } throws: { error in
            guard case PaymentProviderError.refused(let code, let label) = error else { return false }
            return code == "P1" && label.contains("urlnotif and urlredirect must be addresses under \(base)/")
        }
        #expect(try operationCount() == 0)
        #expect(try service(key: key).createPayment(portal).isEmpty == false)
    }

    @Test func thePaymentPageIsOnlyForTheBrowserThePortalSentThere() throws {
        var payer = try loggedIn("habitant@demo.cctoval.fr")
        let page = try payer.get("/mon-espace/factures/\(invoice.id)")
        let start = try payer.post("/mon-espace/factures/\(invoice.id)/payer", form: [("_csrf", page.csrfToken ?? "")])
        let providerPage = try #require(start.header("Location"))
        let operationId = String(providerPage.split(separator: "=").last ?? "")
        let cookie = try #require(start.headers("Set-Cookie").first { $0.hasPrefix("payfip_sim_\(operationId)=") })
        #expect(cookie.contains("; Path=/payfip-sim; Max-Age=900; HttpOnly; SameSite=Strict"))
        let path = providerPage.replacingOccurrences(of: base, with: "")

        // Whoever else holds the operation id sees nothing of it and cannot finish it.
        var forged = server.browser()
        forged.cookies["payfip_sim_\(operationId)"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        var sameResidentElsewhere = try loggedIn("habitant@demo.cctoval.fr")
        for var stranger in [server.browser(), try loggedIn("habitante.bourgueil@demo.cctoval.fr"),
                             try loggedIn("agent.langeais@demo.cctoval.fr"), forged, sameResidentElsewhere] {
            let seen = try stranger.get(path)
            #expect(seen.status == 404)
            #expect(seen.text.contains("Opération inconnue ou expirée"))
            #expect(!seen.text.contains("habitant@demo.cctoval.fr"))
            #expect(!seen.text.contains("184,50"))
            let finished = try stranger.post("/payfip-sim/paiement", form: [("idop", operationId), ("choix", "payer")])
            #expect(finished.status == 404)
            #expect(finished.header("Location") == nil)
        }
        #expect(try server.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT resultrans FROM payfip_sim_operation WHERE idOp = ?", arguments: [operationId])
        } == nil)

        // The payer's browser sees it; so does another browser of theirs once it clicks "Payer" too.
        let shown = try payer.get(path)
        #expect(shown.status == 200)
        #expect(shown.text.contains("habitant@demo.cctoval.fr"))
        #expect(shown.header("Cache-Control") == "no-store")
        let other = try sameResidentElsewhere.get("/mon-espace/factures/\(invoice.id)")
        let again = try sameResidentElsewhere.post("/mon-espace/factures/\(invoice.id)/payer", form: [("_csrf", other.csrfToken ?? "")])
        #expect(again.header("Location") == providerPage)
        #expect(try sameResidentElsewhere.get(path).status == 200)

        let back = try payer.post("/payfip-sim/paiement", form: [("idop", operationId), ("choix", "abandonner")])
        #expect(back.status == 303)
        #expect(back.header("Location") == base + "/paiement/payfip/retour?idop=\(operationId)")
        #expect(back.headers("Set-Cookie").contains { $0.hasPrefix("payfip_sim_\(operationId)=;") && $0.contains("Max-Age=0") })
    }
}
