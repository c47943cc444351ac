import Foundation
import GRDB

/// Invoice use cases: a résident sees and pays their invoices; an agent of a régie's
/// organisation issues, imports, cancels them and records counter payments. Every use case
/// takes the acting account and checks it: an invoice the account may not see is
/// ``InvoiceError/notFound``.
public struct Invoices: Sendable {
    public let database: PortalDatabase
    public let catalogue: Catalogue
    /// The e-mails of invoices and payments, queued in the outbox with the change they announce.
    public let notifications: InvoiceNotifications

    /// How long after its due date an invoice stays payable on the portal, unless told otherwise.
    public static let onlinePaymentGraceDays = 60

    /// - Parameter links: where the e-mails link to (the web layer's site map).
    public init(database: PortalDatabase, catalogue: Catalogue, links: any PortalLinks) {
        self.database = database
        self.catalogue = catalogue
        self.notifications = InvoiceNotifications(links: links)
    }

    /// The régies an agent works for (their organisations'), by name; none for other accounts.
    public func regies(of actor: Account?) throws -> [Regie] {
        guard let actor = actor?.acting(as: .agent) else { return [] }
        return try database.pool.read { db in
            try actor.organisationIds.flatMap { try Regie.fetchAll(organisationId: $0, db) }.sorted { $0.name < $1.name }
        }
    }

    /// The régies an agent may issue invoices in: their organisations' régies that name them as a
    /// biller or name none.
    public func billingRegies(of actor: Account?) throws -> [Regie] {
        guard let actor = actor?.acting(as: .agent) else { return [] }
        let regies = try regies(of: actor)
        return try database.pool.read { db in try regies.filter { try Regie.mayBill($0.id, accountId: actor.id, db) } }
    }

    /// A résident's invoices: those to pay, nearest due date first, then the others, latest first.
    public func invoices(of actor: Account?, now: Date = Date()) throws -> ResidentInvoices {
        guard let actor = actor?.acting(as: .resident) else { throw InvoiceError.notFound }
        return try database.pool.read { db in
            guard try actor.mayAct(in: .payments, now: now, db) else { throw InvoiceError.notFound }
            let all = try Invoice.fetchAllWithoutLines(
                db, "WHERE payerAccountId = ? ORDER BY dueOn, id", arguments: [actor.id])
            return ResidentInvoices(
                toPay: all.filter(\.status.isOpen),
                others: all.filter { !$0.status.isOpen }.sorted { ($0.issuedOn, $0.id) > ($1.issuedOn, $1.id) })
        }
    }

    /// How many of a résident's invoices are to pay, and what remains on them: the dashboard's line.
    public func dueSummary(of actor: Account?) throws -> (count: Int, remainingCents: Int) {
        guard let actor = actor?.acting(as: .resident) else { throw InvoiceError.notFound }
        return try database.pool.read { db in try Self.dueSummary(ofPayer: actor.id, db) }
    }

    static func dueSummary(ofPayer id: Int64, _ db: Database) throws -> (count: Int, remainingCents: Int) {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*), COALESCE(SUM(totalCents - paidCents), 0) FROM invoice
            WHERE payerAccountId = ? AND status IN (?, ?)
            """), arguments: [id, InvoiceStatus.toPay.rawValue, InvoiceStatus.partiallyPaid.rawValue])
        return (row?[0] ?? 0, row?[1] ?? 0)
    }

    /// One invoice with its régie, payer, payments and history, if the account may see it.
    public func detail(_ id: Int64, actor: Account?, now: Date = Date()) throws -> InvoiceDetail {
        try database.pool.read { db in
            let invoice = try Self.visible(id: id, to: actor, now: now, db)
            guard let regie = try Regie.fetch(id: invoice.regieId, db),
                  let payer = try Row.fetchOne(db, sql: "SELECT email, displayName FROM account WHERE id = ?",
                                               arguments: [invoice.payerAccountId]) else { throw InvoiceError.notFound }
            return InvoiceDetail(
                invoice: invoice, regie: regie, payerName: payer["displayName"], payerEmail: payer["email"],
                payments: try Payment.fetchAll(invoiceId: id, db), events: try InvoiceEvent.fetchAll(invoiceId: id, db))
        }
    }

    /// The organisation of a régie, for its contact details.
    public func organisation(of regie: Regie) -> Organisation? {
        catalogue.organisation(id: regie.organisationId)
    }

    /// The invoice if `actor` may see it: its payer, or an agent of its régie's organisation.
    static func visible(id: Int64, to actor: Account?, now: Date, _ db: Database) throws -> Invoice {
        guard let actor, let invoice = try Invoice.fetch(id: id, db) else { throw InvoiceError.notFound }
        switch actor.role {
        case .resident:
            guard invoice.payerAccountId == actor.id, try actor.mayAct(in: .payments, now: now, db) else { throw InvoiceError.notFound }
        case .agent, .manager:
            guard let organisation = try Regie.fetch(id: invoice.regieId, db)?.organisationId,
                  actor.organisationIds.contains(organisation) else { throw InvoiceError.notFound }
        default:
            throw InvoiceError.notFound
        }
        return invoice
    }

    /// The invoice if `actor` is an agent of its régie's organisation.
    static func managed(id: Int64, by actor: Account?, _ db: Database) throws -> (Invoice, Regie) {
        guard let actor = actor?.acting(as: .agent) else { throw InvoiceError.notFound }
        let invoice = try visible(id: id, to: actor, now: Date(), db)
        guard let regie = try Regie.fetch(id: invoice.regieId, db) else { throw InvoiceError.notFound }
        return (invoice, regie)
    }
}

/// A résident's invoices, split as their page shows them.
public struct ResidentInvoices: Sendable, Hashable {
    /// To pay or partly paid, nearest due date first.
    public var toPay: [Invoice]
    /// Paid, cancelled or with the public accountant, latest first.
    public var others: [Invoice]

    /// What remains to pay on all of them.
    public var totalDueCents: Int { toPay.reduce(0) { $0 + $1.remainingCents } }
}
