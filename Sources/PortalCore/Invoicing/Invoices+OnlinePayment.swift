import Foundation
import GRDB

extension Invoices {
    /// How long a PayFiP operation stays open for the payer: a second click, a second tab or a
    /// return to the invoice within this time goes to the same operation.
    public static let operationLifetime: TimeInterval = 15 * 60

    /// Where the provider reaches the portal back: the server-to-server notification and the
    /// payer's return.
    public struct ReturnURLs: Sendable, Hashable {
        public var notification: String
        public var redirect: String

        public init(notification: String, redirect: String) {
            self.notification = notification
            self.redirect = redirect
        }
    }

    /// An online payment under way at the provider: its operation, and the page to send the payer to.
    public struct OnlinePaymentStart: Sendable, Hashable {
        /// The provider's operation id (PayFiP's `idOp`).
        public var operationId: String
        /// The provider's payment page for it.
        public var pageURL: String
    }

    /// Starts paying what remains of an invoice by card: registers the payment with the
    /// provider and returns its operation and page. Only the payer may; while an operation of
    /// this invoice is open, it is returned again, so that a double click or a second tab never
    /// opens a second payment.
    public func startOnlinePayment(_ id: Int64, actor: Account?, provider: any PaymentProvider, returnURLs: ReturnURLs,
                                   now: Date) throws -> OnlinePaymentStart {
        // Only the payer pays: an adviser acting for them takes no money.
        guard let actor = actor?.acting(as: .resident), actor.franceServicesAdviser == nil else { throw InvoiceError.notFound }
        // A first click still registering its operation is waited for, briefly.
        for _ in 0..<50 {
            switch try reserveOnlinePayment(id, actor: actor, returnURLs: returnURLs, now: now) {
            case .open(let operationId):
                return OnlinePaymentStart(operationId: operationId, pageURL: provider.paymentPageURL(operationId: operationId))
            case .beingRegistered:
                Thread.sleep(forTimeInterval: 0.1)
            case .stale(let payment):
                try closeStale(payment, provider: provider, now: now)
            case .reserved(let payment, let order):
                let operationId: String
                do {
                    operationId = try provider.createPayment(order)
                } catch {
                    try settleLocally(payment.id, as: .cancelled, result: "creation-refusee", now: now)
                    throw InvoiceError.providerUnavailable
                }
                try database.pool.write { db in
                    try db.execute(sql: "UPDATE payment SET operationId = ? WHERE id = ?", arguments: [operationId, payment.id])
                }
                return OnlinePaymentStart(operationId: operationId, pageURL: provider.paymentPageURL(operationId: operationId))
            }
        }
        throw InvoiceError.paymentInProgress
    }

    /// What the portal learns from the provider about operation `operationId`, after its
    /// notification or the payer's return: the URL is never trusted, the provider is asked. The
    /// answer must match the payment (client number, reference, amount); a paid operation
    /// credits the invoice once, however many times it is confirmed.
    @discardableResult
    public func confirmOnlinePayment(operationId: String, provider: any PaymentProvider, now: Date) throws -> Payment {
        guard let payment = try database.pool.read({ db in try Payment.fetch(operationId: operationId, db) }) else {
            throw InvoiceError.notFound
        }
        let transaction: PayFiPTransaction
        do {
            transaction = try provider.details(operationId: operationId)
        } catch .inProgress {
            return payment
        } catch {
            throw InvoiceError.providerUnavailable
        }
        return try settle(payment.id, with: transaction, now: now)
    }

    /// Asks the provider again about online payments still in progress after two minutes (a
    /// notification lost, a payer who closed the tab); returns how many got a result.
    @discardableResult
    public func recheckPendingPayments(provider: any PaymentProvider, now: Date) throws -> Int {
        let pending = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM payment WHERE status = ? AND createdAt <= ? ORDER BY createdAt LIMIT 200",
                             arguments: [PaymentStatus.pending.rawValue, now.addingTimeInterval(-120)]).map(Payment.init(row:))
        }
        var settled = 0
        for payment in pending {
            if let operationId = payment.operationId {
                if (try? confirmOnlinePayment(operationId: operationId, provider: provider, now: now))?.status != .pending { settled += 1 }
            } else if payment.createdAt <= now.addingTimeInterval(-300) {
                // Its registration never finished: the provider never saw it.
                try settleLocally(payment.id, as: .cancelled, result: "creation-interrompue", now: now)
                settled += 1
            }
        }
        return settled
    }

    enum Reservation {
        case open(operationId: String)
        case beingRegistered
        case stale(Payment)
        case reserved(Payment, PayFiPOrder)
    }

    private func reserveOnlinePayment(_ id: Int64, actor: Account, returnURLs: ReturnURLs, now: Date) throws -> Reservation {
        try database.pool.write { db in
            let invoice = try Self.visible(id: id, to: actor, now: now, db)
            guard invoice.status.isOpen, invoice.remainingCents > 0 else { throw InvoiceError.notPayable(invoice.status) }
            guard CalendarDay(now) <= invoice.payableOnlineUntil else {
                throw InvoiceError.onlinePaymentClosed(since: invoice.payableOnlineUntil.adding(days: 1))
            }
            guard PayFiPOrder.amountRange.contains(invoice.remainingCents) else { throw InvoiceError.amountOutOfOnlineRange }
            if let pending = try Row.fetchOne(db, sql: "SELECT * FROM payment WHERE invoiceId = ? AND status = ?",
                                              arguments: [id, PaymentStatus.pending.rawValue]).map(Payment.init(row:)) {
                let age = now.timeIntervalSince(pending.createdAt)
                if let operationId = pending.operationId, age < Self.operationLifetime { return .open(operationId: operationId) }
                if pending.operationId == nil, age < 30 { return .beingRegistered }
                return .stale(pending)
            }
            guard let regie = try Regie.fetch(id: invoice.regieId, db) else { throw InvoiceError.notFound }
            try db.execute(
                sql: "INSERT INTO payment (invoiceId, regieId, amountCents, channel, status, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, regie.id, invoice.remainingCents, PaymentChannel.online.rawValue, PaymentStatus.pending.rawValue, now])
            let payment = try Payment.fetch(id: db.lastInsertedRowID, db)!
            let order = PayFiPOrder(
                numcli: regie.payfipClientNumber, exer: String(invoice.issuedOn.year), refdet: invoice.payfipReference,
                montant: invoice.remainingCents, mel: actor.email,
                objet: PayFiPOrder.asciiObject("Facture \(invoice.number) \(invoice.object)"),
                urlnotif: returnURLs.notification, urlredirect: returnURLs.redirect, saisie: regie.payfipMode)
            return .reserved(payment, order)
        }
    }

    /// Settles an old operation before a new one is opened; one the provider still holds open blocks it.
    private func closeStale(_ payment: Payment, provider: any PaymentProvider, now: Date) throws {
        guard let operationId = payment.operationId else {
            try settleLocally(payment.id, as: .cancelled, result: "creation-interrompue", now: now)
            return
        }
        let transaction: PayFiPTransaction
        do {
            transaction = try provider.details(operationId: operationId)
        } catch .inProgress {
            throw InvoiceError.paymentInProgress
        } catch .refused {
            try settleLocally(payment.id, as: .cancelled, result: "inconnue-du-prestataire", now: now)
            return
        } catch {
            throw InvoiceError.providerUnavailable
        }
        try settle(payment.id, with: transaction, now: now)
    }

    /// Records the provider's answer about a payment, once.
    @discardableResult
    private func settle(_ paymentId: Int64, with transaction: PayFiPTransaction, now: Date) throws -> Payment {
        try database.pool.write { db in
            guard let payment = try Payment.fetch(id: paymentId, db), let invoice = try Invoice.fetch(id: payment.invoiceId, db),
                  let regie = try Regie.fetch(id: invoice.regieId, db) else { throw InvoiceError.notFound }
            let matches = transaction.idOp == payment.operationId && transaction.numcli == regie.payfipClientNumber
                && transaction.refdet == invoice.payfipReference && transaction.montant == payment.amountCents
            guard matches else {
                if payment.status == .pending {
                    try Self.update(payment.id, to: .refused, result: "incoherent", reference: nil, now: now, db)
                    try InvoiceEvent.record(.anomaly, invoiceId: invoice.id, at: now, text: """
                        Le prestataire de paiement a décrit l'opération \(transaction.idOp) autrement que le portail \
                        (client \(transaction.numcli), référence \(transaction.refdet), montant \(Euros.format(transaction.montant)), \
                        résultat \(transaction.resultrans)) : rien n'a été crédité, à vérifier avec la DGFiP.
                        """, db)
                }
                return try Payment.fetch(id: paymentId, db)!
            }
            switch transaction.outcome {
            case .paid where payment.status != .paid:
                // Also for an operation closed here as abandoned, which the payer finished after all.
                try Self.update(payment.id, to: .paid, result: transaction.resultrans, reference: transaction.numauto, now: now, db)
                try credit(try Payment.fetch(id: paymentId, db)!, to: invoice, regie: regie, actor: nil, now: now, db)
            case .refused where payment.status == .pending, .cancelled where payment.status == .pending:
                let status = transaction.outcome ?? .cancelled
                try Self.update(payment.id, to: status, result: transaction.resultrans, reference: nil, now: now, db)
                try InvoiceEvent.record(status == .refused ? .paymentRefused : .paymentAbandoned, invoiceId: invoice.id, at: now,
                                        text: "Opération \(transaction.idOp), code \(transaction.resultrans)", db)
            default:
                break
            }
            return try Payment.fetch(id: paymentId, db)!
        }
    }

    private func settleLocally(_ paymentId: Int64, as status: PaymentStatus, result: String, now: Date) throws {
        try database.pool.write { db in
            try db.execute(
                sql: "UPDATE payment SET status = ?, providerResult = ?, settledAt = ? WHERE id = ? AND status = ?",
                arguments: [status.rawValue, result, now, paymentId, PaymentStatus.pending.rawValue])
        }
    }

    private static func update(_ paymentId: Int64, to status: PaymentStatus, result: String, reference: String?, now: Date,
                               _ db: Database) throws {
        try db.execute(
            sql: "UPDATE payment SET status = ?, providerResult = ?, reference = COALESCE(?, reference), settledAt = ? WHERE id = ?",
            arguments: [status.rawValue, result, reference, now, paymentId])
    }
}

extension Invoices {
    /// The online payment of operation `operationId`, as recorded, without asking the provider.
    public func payment(operationId: String) throws -> Payment? {
        try database.pool.read { db in try Payment.fetch(operationId: operationId, db) }
    }
}
