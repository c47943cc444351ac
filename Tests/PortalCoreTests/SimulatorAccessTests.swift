import Foundation
import GRDB
import PortalCore
import Testing

@Suite("The PayFiP simulator takes only the portal's addresses and shows an operation only to its payer")
struct SimulatorAccessTests {
    let fixture: InvoiceFixture
    let harness: SimulatorHarness
    var resident: Account? { fixture.accounts["habitant"] }

    init() throws {
        fixture = try InvoiceFixture()
        harness = try SimulatorHarness(database: fixture.database, now: fixture.now.addingTimeInterval(3600))
    }

    func operationCount() throws -> Int {
        try fixture.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payfip_sim_operation") ?? 0 }
    }

    func startPaying() throws -> String {
        try fixture.invoices.startOnlinePayment(try fixture.issuedInvoice().id, actor: resident, provider: harness.simulator,
                                                returnURLs: SimulatorHarness.returnURLs, now: harness.now).operationId
    }

    @Test("A notification or return address outside the portal is refused, and nothing is registered", arguments: [
        ("http://192.0.2.66/collecte", SimulatorHarness.returnURLs.redirect),
        (SimulatorHarness.returnURLs.notification, "https://ailleurs.example/"),
        ("http://127.0.0.1:8080.ailleurs.example/notification", SimulatorHarness.returnURLs.redirect),
        (SimulatorHarness.returnURLs.notification, "http://127.0.0.1:8080@ailleurs.example/retour"),
        ("http://127.0.0.1:8081/paiement/payfip/notification", SimulatorHarness.returnURLs.redirect),
        ("https://127.0.0.1:8080/paiement/payfip/notification", SimulatorHarness.returnURLs.redirect),
        (SimulatorHarness.returnURLs.notification, "http://127.0.0.1:8080"),
        (SimulatorHarness.returnURLs.notification, "http://127.0.0.1:8080/retour\r\nSet-Cookie: x=y"),
    ])
    func foreignAddresses(notification: String, redirect: String) throws {
        let order = PayFiPOrder(numcli: "037123", exer: "2026", refdet: "TEST000001", montant: 1250, mel: "camille@example.org",
                                objet: "Essai", urlnotif: notification, urlredirect: redirect, saisie: .test)
        #expect { try harness.simulator.createPayment(order) } throws: { error in
            guard case PaymentProviderError.refused(let code, let label) = error else { return false }
            return code == "P1" && label.contains("urlnotif and urlredirect must be addresses under http://127.0.0.1:8080/")
        }
        #expect(try operationCount() == 0)
    }

    @Test("Without its payer token an operation is neither shown nor finished, and nothing is notified")
    func payerToken() throws {
        let operationId = try startPaying()
        let other = try startPaying()
        let simulator = harness.simulator!
        for token in [nil, "", "pas-un-jeton", simulator.payerToken(for: other)] {
            #expect(try simulator.openOperation(operationId, payerToken: token) == nil)
            #expect(try simulator.finish(operationId, choice: .pay, payerToken: token) == nil)
        }
        #expect(harness.notifications.isEmpty)
        #expect(throws: PaymentProviderError.inProgress) { try simulator.details(operationId: operationId) }

        // The token outlives a restart: a new simulator over the same database takes it.
        let restarted = try PayFiPSimulator(database: fixture.database, links: TestLinks(), send: { _ in },
                                            now: { harness.now })
        let token = simulator.payerToken(for: operationId)
        #expect(restarted.payerToken(for: operationId) == token)
        #expect(try restarted.openOperation(operationId, payerToken: token)?.order.mel == "habitant@demo.cctoval.fr")
        #expect(try simulator.finish(operationId, choice: .pay, payerToken: token) == SimulatorHarness.returnURLs.redirect + "?idop=" + operationId)
        #expect(harness.notifications.map(\.operationId) == [operationId])
    }
}
