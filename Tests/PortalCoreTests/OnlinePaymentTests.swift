import Foundation
import GRDB
import PortalCore
import Testing

@Suite("Online payment through the PayFiP simulator: results, duplicates, forgeries, expiry")
struct OnlinePaymentTests {
    let fixture: InvoiceFixture
    let harness: SimulatorHarness
    let invoice: Invoice
    var resident: Account? { fixture.accounts["habitant"] }

    init() throws {
        fixture = try InvoiceFixture()
        harness = try SimulatorHarness(database: fixture.database, now: fixture.now.addingTimeInterval(3600))
        invoice = try fixture.issuedInvoice()
    }

    func start(_ provider: (any PaymentProvider)? = nil, actor: Account? = nil) throws -> Invoices.OnlinePaymentStart {
        try fixture.invoices.startOnlinePayment(invoice.id, actor: actor ?? resident, provider: provider ?? harness.simulator,
                                                returnURLs: SimulatorHarness.returnURLs, now: harness.now)
    }

    func confirm(_ operationId: String, _ provider: (any PaymentProvider)? = nil) throws -> Payment {
        try fixture.invoices.confirmOnlinePayment(operationId: operationId, provider: provider ?? harness.simulator, now: harness.now)
    }

    func current() throws -> Invoice { try fixture.invoices.detail(invoice.id, actor: resident).invoice }

    @Test("The order is in PayFiP's terms: client number, year, reference, cents, e-mail, ASCII object, return URLs, mode")
    func order() throws {
        let operationId = try start().operationId
        let operation = try #require(try harness.openOperation(operationId))
        #expect(operation.order == PayFiPOrder(
            numcli: "037123", exer: "2026", refdet: "F3712326000001", montant: 2250, mel: "habitant@demo.cctoval.fr",
            objet: "Facture F-37123-26-000001 Restauration scolaire   fevrier 2026",
            urlnotif: SimulatorHarness.returnURLs.notification, urlredirect: SimulatorHarness.returnURLs.redirect, saisie: .test))
        #expect(operation.order.problems.isEmpty)
    }

    @Test("Paying: the notification and the return both confirm; the invoice is credited once, with one receipt")
    func pay() throws {
        let started = try start()
        #expect(started.pageURL == "http://127.0.0.1:8080/payfip-sim/paiement?idop=" + started.operationId)
        let operationId = started.operationId
        #expect(try confirm(operationId).status == .pending, "in progress until the payer chooses")
        let back = try #require(try harness.finish(operationId, choice: .pay))
        #expect(back == SimulatorHarness.returnURLs.redirect + "?idop=" + operationId)
        #expect(harness.notifications.map(\.operationId) == [operationId])
        let paid = try confirm(operationId)
        #expect(paid.status == .paid)
        #expect(paid.reference?.count == 6)
        #expect(try confirm(operationId) == paid)
        #expect(try current().status == .paid)
        #expect(try current().paidCents == 2250)
        let receipts = try fixture.outbox.due(now: harness.now).map(\.message).filter { $0.subject.hasPrefix("Reçu") }
        #expect(receipts.count == 1)
        #expect(receipts.first?.textBody.contains("Carte bancaire en ligne (PayFiP)") == true)
        #expect(throws: InvoiceError.notPayable(.paid)) { try start() }
        #expect(try harness.finish(operationId, choice: .pay) == nil, "a finished operation cannot be paid again")
    }

    @Test("Both return paths at the same time credit once", arguments: 1...5)
    func concurrentConfirmations(round: Int) async throws {
        let operationId = try start().operationId
        _ = try harness.finish(operationId, choice: .pay)
        let invoices = fixture.invoices, simulator = harness.simulator!, now = harness.now
        let statuses = try await withThrowingTaskGroup(of: PaymentStatus.self) { group in
            for _ in 0..<6 {
                group.addTask { try invoices.confirmOnlinePayment(operationId: operationId, provider: simulator, now: now).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0 == .paid })
        #expect(try current().paidCents == 2250)
        let credits = try await fixture.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice_event WHERE invoiceId = ? AND kind = 'paiement'", arguments: [invoice.id])
        }
        #expect(credits == 1)
    }

    @Test("Refused and abandoned payments leave the invoice to pay, and a new payment can start", arguments: [
        (PayFiPSimulator.Choice.refuse, PaymentStatus.refused), (.abandon, .cancelled),
    ])
    func refusedOrAbandoned(choice: PayFiPSimulator.Choice, status: PaymentStatus) throws {
        let operationId = try start().operationId
        _ = try harness.finish(operationId, choice: choice)
        #expect(try confirm(operationId).status == status)
        #expect(try current().status == .toPay)
        let again = try start().operationId
        #expect(again != operationId)
    }

    @Test("Every PayFiP result code", arguments: [
        ("P", PaymentStatus.paid), ("V", .paid), ("R", .refused), ("Z", .refused), ("A", .cancelled), ("X", .pending),
    ])
    func resultCodes(code: String, status: PaymentStatus) throws {
        let provider = AlteredProvider(base: harness.simulator) { $0.resultrans = code }
        let operationId = try start(provider).operationId
        _ = try harness.finish(operationId, choice: .pay)
        #expect(try confirm(operationId, provider).status == status)
        #expect(try current().status == (status == .paid ? .paid : .toPay))
    }

    @Test("A double click or a second tab goes to the same operation; one payment is created")
    func sameOperation() async throws {
        let first = try start()
        #expect(try start() == first)
        let invoices = fixture.invoices, simulator = harness.simulator!, now = harness.now, resident = resident, id = invoice.id
        let starts = try await withThrowingTaskGroup(of: Invoices.OnlinePaymentStart.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try invoices.startOnlinePayment(id, actor: resident, provider: simulator, returnURLs: SimulatorHarness.returnURLs, now: now)
                }
            }
            return try await group.reduce(into: Set<Invoices.OnlinePaymentStart>()) { $0.insert($1) }
        }
        #expect(starts == [first])
        let payments = try await fixture.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment") }
        #expect(payments == 1)
    }

    @Test("After 15 minutes an unfinished operation expires: its page is refused, it counts as abandoned, a new one starts")
    func expiry() throws {
        let operationId = try start().operationId
        harness.advance(by: 14 * 60)
        #expect(try harness.openOperation(operationId) != nil)
        #expect(try start().operationId == operationId)
        harness.advance(by: 60)
        #expect(try harness.openOperation(operationId) == nil)
        #expect(try harness.finish(operationId, choice: .pay) == nil)
        let again = try start().operationId
        #expect(again != operationId)
        let old = try fixture.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM payment WHERE operationId = ?", arguments: [operationId])
        }
        #expect(old == PaymentStatus.cancelled.rawValue)
    }

    @Test("Forged or mixed-up answers credit nothing: unknown id, other amount, other reference, other client")
    func forgeries() throws {
        #expect(throws: InvoiceError.notFound) { try confirm("inconnu") }
        let alterations: [@Sendable (inout PayFiPTransaction) -> Void] = [
            { $0.montant = 100 },
            { $0.refdet = "F3712326000099" },
            { $0.numcli = "999999" },
        ]
        for alter in alterations {
            let provider = AlteredProvider(base: harness.simulator, alter: alter)
            let operationId = try start(provider).operationId
            _ = try harness.finish(operationId, choice: .pay)
            let payment = try confirm(operationId, provider)
            #expect(payment.status == .refused)
            #expect(payment.providerResult == "incoherent")
            #expect(try current().paidCents == 0)
        }
        let events = try fixture.invoices.detail(invoice.id, actor: fixture.accounts["agent.langeais"]).events
        #expect(events.filter { $0.kind == .anomaly }.count == 3)
    }

    @Test("A dropped notification is made up for: the portal asks the provider again later")
    func droppedNotification() throws {
        let dropping = try SimulatorHarness(database: fixture.database, now: harness.now, callback: .dropped)
        let operationId = try start(dropping.simulator).operationId
        _ = try dropping.finish(operationId, choice: .pay)
        #expect(dropping.notifications.isEmpty)
        #expect(try fixture.invoices.recheckPendingPayments(provider: dropping.simulator, now: harness.now) == 0, "too early")
        #expect(try fixture.invoices.recheckPendingPayments(provider: dropping.simulator, now: harness.now.addingTimeInterval(180)) == 1)
        #expect(try current().status == .paid)
    }

    @Test("Repeated and delayed notifications are passed on as told")
    func callbacks() throws {
        let repeating = try SimulatorHarness(database: fixture.database, now: harness.now, callback: .repeated(3))
        let operationId = try start(repeating.simulator).operationId
        _ = try repeating.finish(operationId, choice: .pay)
        #expect(repeating.notifications.count == 3)
        #expect(repeating.notifications.allSatisfy { $0.url == SimulatorHarness.returnURLs.notification })
        for _ in 0..<3 { _ = try confirm(operationId, repeating.simulator) }
        #expect(try current().paidCents == 2250)
    }

    @Test("Only the payer pays online; not past the online deadline; not below one euro")
    func limits() throws {
        #expect(throws: InvoiceError.notFound) { try start(actor: fixture.accounts["habitante.bourgueil"]) }
        #expect(throws: InvoiceError.notFound) { try start(actor: fixture.accounts["agent.langeais"]) }
        #expect(throws: InvoiceError.onlinePaymentClosed(since: CalendarDay(year: 2026, month: 5, day: 31)!)) {
            try fixture.invoices.startOnlinePayment(invoice.id, actor: resident, provider: harness.simulator,
                                                    returnURLs: SimulatorHarness.returnURLs, now: fixture.now.addingTimeInterval(92 * 86400))
        }
        _ = try fixture.invoices.recordCounterPayment(invoice.id, amount: "22", channel: "especes", reference: "",
                                                      actor: fixture.accounts["agent.langeais"], now: fixture.now)
        #expect(throws: InvoiceError.amountOutOfOnlineRange) { try start() }
    }

    @Test("A payment the provider cannot register leaves nothing pending and says so")
    func providerDown() throws {
        struct Down: PaymentProvider {
            func createPayment(_ order: PayFiPOrder) throws(PaymentProviderError) -> String { throw .unavailable("connexion refusée") }
            func paymentPageURL(operationId: String) -> String { "" }
            func details(operationId: String) throws(PaymentProviderError) -> PayFiPTransaction { throw .unavailable("connexion refusée") }
        }
        #expect(throws: InvoiceError.providerUnavailable) { try start(Down()) }
        #expect(try start().pageURL.contains("idop="), "the next attempt starts afresh")
    }
}
