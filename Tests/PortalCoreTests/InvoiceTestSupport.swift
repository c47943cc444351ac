import Foundation
import PortalCore

/// A database with the real reference data, the demo accounts and the shipped régies, and the
/// invoice use cases over it.
struct InvoiceFixture {
    let database: PortalDatabase
    let invoices: Invoices
    let outbox: Outbox
    let accounts: [String: Account]
    let now = TestSupport.now

    init() throws {
        database = try TestSupport.database(seed: TestSupport.realSeed)
        _ = try DemoData.install(into: database, hasher: TestSupport.hasher)
        let catalogue = try Catalogue(database: database)
        try RegieSeed.install(from: TestSupport.realSeed.appendingPathComponent("regies.json"), catalogue: catalogue, into: database)
        let logIns = Accounts(database: database, hasher: TestSupport.hasher)
        var accounts: [String: Account] = [:]
        for login in ["habitant", "habitante.bourgueil", "agent.langeais", "agent.bourgueil", "agent.dechets", "agent.enfance", "conseiller", "admin"] {
            guard case .success(let account, _) = try logIns.logIn(
                email: "\(login)@demo.cctoval.fr", password: DemoData.password, remoteAddress: "192.0.2.9", now: TestSupport.now)
            else { throw InvoiceError.notFound }
            accounts[login] = account
        }
        self.accounts = accounts
        invoices = Invoices(database: database, catalogue: catalogue, links: TestLinks())
        outbox = Outbox(database: database)
    }

    /// A form for the mairie of Langeais's régie to the Langeais demo resident: 3 × 3.50 € + 12 €.
    static func cantineForm(payer: String = "habitant@demo.cctoval.fr", dueOn: String = "31/03/2026") -> InvoiceForm {
        InvoiceForm(regieId: "mairie-37123", payerEmail: payer, object: "Restauration scolaire – février 2026", dueOn: dueOn, lines: [
            .init(label: "Repas", period: "Février 2026", quantity: "3", unitPrice: "3,50"),
            .init(label: "Frais de dossier", quantity: "1", unitPrice: "12"),
            .init(label: "", quantity: "", unitPrice: ""),
        ])
    }

    /// An invoice of 22.50 € issued by the Langeais agent.
    func issuedInvoice(at date: Date? = nil) throws -> Invoice {
        try invoices.issue(Self.cantineForm(), actor: accounts["agent.langeais"], now: date ?? now)
    }
}

/// The simulator with a clock the test moves and the notifications it would send kept aside.
final class SimulatorHarness: @unchecked Sendable {
    private let lock = NSLock()
    private var clock: Date
    private var sent: [PayFiPSimulator.Notification] = []
    private(set) var simulator: PayFiPSimulator!

    init(database: PortalDatabase, now: Date, callback: PayFiPSimulator.Callback = .immediate) throws {
        clock = now
        simulator = try PayFiPSimulator(
            database: database, links: TestLinks(), callback: callback,
            send: { [unowned self] notification in self.lock.withLock { self.sent.append(notification) } },
            now: { [unowned self] in self.lock.withLock { self.clock } })
    }

    var notifications: [PayFiPSimulator.Notification] { lock.withLock { sent } }

    func advance(by seconds: TimeInterval) { lock.withLock { clock += seconds } }

    var now: Date { lock.withLock { clock } }

    static let returnURLs = Invoices.ReturnURLs(
        notification: "http://127.0.0.1:8080/paiement/payfip/notification", redirect: "http://127.0.0.1:8080/paiement/payfip/retour")

    /// The open operation as its payer's page shows it.
    func openOperation(_ operationId: String) throws -> SimulatedOperation? {
        try simulator.openOperation(operationId, payerToken: simulator.payerToken(for: operationId))
    }

    /// The payer's choice on the operation's page; where they are sent back.
    func finish(_ operationId: String, choice: PayFiPSimulator.Choice) throws -> String? {
        try simulator.finish(operationId, choice: choice, payerToken: simulator.payerToken(for: operationId))
    }
}

/// The simulator with its answers altered, to play a provider that says something else than the
/// portal asked (a forged or mixed-up answer).
struct AlteredProvider: PaymentProvider {
    let base: PayFiPSimulator
    let alter: @Sendable (inout PayFiPTransaction) -> Void

    func createPayment(_ order: PayFiPOrder) throws(PaymentProviderError) -> String { try base.createPayment(order) }
    func paymentPageURL(operationId: String) -> String { base.paymentPageURL(operationId: operationId) }
    func details(operationId: String) throws(PaymentProviderError) -> PayFiPTransaction {
        var transaction = try base.details(operationId: operationId)
        alter(&transaction)
        return transaction
    }
}
