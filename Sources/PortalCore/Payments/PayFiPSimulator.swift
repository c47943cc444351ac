import Foundation
import GRDB

/// The built-in stand-in for PayFiP, the default provider, so that the whole payment flow runs on
/// a fresh machine. It keeps its operations in the portal's database and behaves as PayFiP does:
/// it registers operations, shows the payer a page (``PayFiPSimulatorPage`` in the web layer)
/// where they pay, refuse or give up, notifies `urlnotif` server to server, and describes
/// finished operations. Unknown operations and those older than ``operationLifetime`` are
/// refused; an unfinished operation is "in progress" (PayFiP's `P5`) until it expires, and
/// abandoned (`A`) after.
///
/// Unlike PayFiP it is not an open service: it takes only operations that notify and send the
/// payer back to the portal's own addresses (so it never posts to, nor redirects to, another
/// site), and its page shows an operation only to the holder of its ``payerToken(for:)``, which
/// the portal gives the browser it sends there.
public struct PayFiPSimulator: PaymentProvider {
    /// What the simulator does with the notification of a finished operation; tests choose.
    public enum Callback: Sendable, Hashable {
        /// Sent at once, as PayFiP does.
        case immediate
        /// Sent after this many seconds.
        case delayed(TimeInterval)
        /// Sent this many times.
        case repeated(Int)
        /// Never sent: the portal must find the result by itself.
        case dropped
    }

    /// A notification to send: `idop=<operationId>` posted to `url`, after `delay` seconds.
    public struct Notification: Sendable, Hashable {
        public var url: String
        public var operationId: String
        public var delay: TimeInterval
    }

    /// What the payer chose on the simulator's page.
    public enum Choice: String, Sendable, CaseIterable {
        case pay = "payer"
        case refuse = "refuser"
        case abandon = "abandonner"

        /// PayFiP's result code for it.
        var resultCode: String {
            switch self {
            case .pay: "P"
            case .refuse: "R"
            case .abandon: "A"
            }
        }
    }

    /// How long an operation stays open.
    public static let operationLifetime: TimeInterval = 15 * 60

    public let database: PortalDatabase
    /// Where the simulator's page is, and the portal's address, under which every operation's notification
    /// and return addresses must be.
    public let links: any PortalLinks
    public let callback: Callback
    /// Sends notifications (posting over HTTP is the web layer's business).
    public let send: @Sendable (Notification) -> Void
    public let now: @Sendable () -> Date
    /// The key of the payers' tokens, kept in the database so that tokens outlive a restart.
    let payerKey: [UInt8]

    public init(database: PortalDatabase, links: any PortalLinks, callback: Callback = .immediate,
                send: @escaping @Sendable (Notification) -> Void, now: @escaping @Sendable () -> Date = Date.init) throws {
        self.database = database
        self.links = links
        self.callback = callback
        self.send = send
        self.now = now
        payerKey = try database.secretKey(named: "payfip-sim-payer")
    }

    public func createPayment(_ order: PayFiPOrder) throws(PaymentProviderError) -> String {
        var problems = order.problems
        if ![order.urlnotif, order.urlredirect].allSatisfy(isPortalAddress) {
            problems.append("urlnotif and urlredirect must be addresses under \(links.base)/")
        }
        guard problems.isEmpty else { throw .refused(code: "P1", label: problems.joined(separator: "; ")) }
        let operationId = RandomToken.make(byteCount: 18)
        do {
            try database.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO payfip_sim_operation (idOp, numcli, exer, refdet, montant, mel, objet, urlnotif, urlredirect, saisie, createdAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [operationId, order.numcli, order.exer, order.refdet, order.montant, order.mel, order.objet,
                                order.urlnotif, order.urlredirect, order.saisie.rawValue, now()])
            }
        } catch {
            throw .unavailable("simulator database: \(error)")
        }
        return operationId
    }

    public func paymentPageURL(operationId: String) -> String {
        links.simulatorPayment(operationId: operationId)
    }

    public func details(operationId: String) throws(PaymentProviderError) -> PayFiPTransaction {
        let operation: SimulatedOperation?
        do {
            operation = try database.pool.read { db in try SimulatedOperation.fetch(operationId, db) }
        } catch {
            throw .unavailable("simulator database: \(error)")
        }
        guard let operation else { throw .refused(code: "P1", label: "IdOp incorrect") }
        if operation.result == nil {
            guard operation.isExpired(at: now()) else { throw .inProgress }
            return operation.transaction(result: "A", at: operation.createdAt.addingTimeInterval(Self.operationLifetime))
        }
        return operation.transaction(result: operation.result ?? "A", at: operation.settledAt ?? operation.createdAt)
    }

    /// The operation the payment page shows to the holder of `payerToken`, or nil when it is
    /// unknown, expired or finished, or the token is not its payer's.
    public func openOperation(_ operationId: String, payerToken: String?) throws -> SimulatedOperation? {
        guard isPayerToken(payerToken, of: operationId) else { return nil }
        let operation = try database.pool.read { db in try SimulatedOperation.fetch(operationId, db) }
        guard let operation, operation.result == nil, !operation.isExpired(at: now()) else { return nil }
        return operation
    }

    /// Records the choice of the holder of `payerToken` for an open operation, sends the
    /// notification as ``callback`` says, and returns where to send the payer back; nil when
    /// the operation is not open or the token is not its payer's.
    public func finish(_ operationId: String, choice: Choice, payerToken: String?) throws -> String? {
        guard isPayerToken(payerToken, of: operationId) else { return nil }
        let finishedAt = now()
        let operation: SimulatedOperation? = try database.pool.write { db in
            guard let operation = try SimulatedOperation.fetch(operationId, db), operation.result == nil,
                  !operation.isExpired(at: finishedAt) else { return nil }
            let authorisation = choice == .pay ? String(format: "%06d", Int.random(in: 0...999_999)) : nil
            try db.execute(
                sql: "UPDATE payfip_sim_operation SET resultrans = ?, numauto = ?, settledAt = ? WHERE idOp = ?",
                arguments: [choice.resultCode, authorisation, finishedAt, operationId])
            return operation
        }
        guard let operation else { return nil }
        switch callback {
        case .immediate: send(Notification(url: operation.order.urlnotif, operationId: operationId, delay: 0))
        case .delayed(let seconds): send(Notification(url: operation.order.urlnotif, operationId: operationId, delay: seconds))
        case .repeated(let count):
            for _ in 0..<max(1, count) { send(Notification(url: operation.order.urlnotif, operationId: operationId, delay: 0)) }
        case .dropped: break
        }
        let separator = operation.order.urlredirect.contains("?") ? "&" : "?"
        return operation.order.urlredirect + separator + "idop=" + operationId
    }
}
