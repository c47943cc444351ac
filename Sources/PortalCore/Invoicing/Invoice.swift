import Foundation
import GRDB

/// An invoice of a régie to a payer. Amounts are integer cents.
public struct Invoice: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// `F-DEC-26-000042`: the régie's code, the year of issue, a number without gaps.
    public var number: String
    public var regieId: String
    public var payerAccountId: Int64
    /// What the invoice is for, in a few words ("Accueil de loisirs – octobre 2026").
    public var object: String
    public var lines: [InvoiceLine]
    public var totalCents: Int
    public var paidCents: Int
    public var issuedOn: CalendarDay
    public var dueOn: CalendarDay
    /// The last day it can be paid on the portal; afterwards, at the counter or the public accountant.
    public var payableOnlineUntil: CalendarDay
    public var status: InvoiceStatus
    /// Why it was cancelled.
    public var cancellationReason: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// When the payer was reminded before and after the due date.
    public var reminderBeforeSentAt: Date?
    public var reminderAfterSentAt: Date?
    /// When it was handed to the public accountant.
    public var sentToCollectionAt: Date?
    /// The régie's own reference, for an invoice imported from its file.
    public var externalReference: String?

    /// What remains to pay.
    public var remainingCents: Int { max(0, totalCents - paidCents) }

    /// Open and past its due date on `today`.
    public func isOverdue(on today: CalendarDay) -> Bool {
        status.isOpen && dueOn < today
    }

    /// The PayFiP `refdet`: the number without its dashes ([A-Za-z0-9], at most 30).
    public var payfipReference: String { number.filter { $0.isASCII && ($0.isLetter || $0.isNumber) } }

    /// The columns every query of invoices selects (`SELECT \(Invoice.columns) FROM invoice …`), in
    /// the order ``init(row:lines:)`` reads them: by position, as looking columns up by name cost
    /// a fifth of a résident's list of invoices.
    static let columns = """
        id, number, regieId, payerAccountId, object, totalCents, paidCents, issuedOn, dueOn, payableOnlineUntil, status, \
        cancellationReason, createdAt, updatedAt, reminderBeforeSentAt, reminderAfterSentAt, sentToCollectionAt, externalReference
        """

    init(row: Row, lines: [InvoiceLine]) throws {
        id = row[0]
        number = row[1]
        regieId = row[2]
        payerAccountId = row[3]
        object = row[4]
        self.lines = lines
        totalCents = row[5]
        paidCents = row[6]
        issuedOn = CalendarDay(iso: row[7]) ?? CalendarDay(Date(timeIntervalSince1970: 0))
        dueOn = CalendarDay(iso: row[8]) ?? issuedOn
        payableOnlineUntil = CalendarDay(iso: row[9]) ?? dueOn
        status = try InvoiceStatus(stored: row[10], column: "invoice.status")
        cancellationReason = row[11]
        createdAt = row[12]
        updatedAt = row[13]
        reminderBeforeSentAt = row[14]
        reminderAfterSentAt = row[15]
        sentToCollectionAt = row[16]
        externalReference = row[17]
    }

    /// The invoice with this id, with its lines.
    static func fetch(id: Int64, _ db: Database) throws -> Invoice? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM invoice WHERE id = ?"), arguments: [id]) else {
            return nil
        }
        return try Invoice(row: row, lines: try lines(of: id, db))
    }

    /// Invoices matching `clause` (what follows `FROM invoice`: conditions and order), without their
    /// lines (lists do not show them).
    static func fetchAllWithoutLines(_ db: Database, _ clause: String, arguments: StatementArguments) throws -> [Invoice] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(columns) FROM invoice \(clause)"), arguments: arguments)
            .map { try Invoice(row: $0, lines: []) }
    }

    static func lines(of id: Int64, _ db: Database) throws -> [InvoiceLine] {
        try Row.fetchAll(db, sql: "SELECT * FROM invoice_line WHERE invoiceId = ? ORDER BY position", arguments: [id]).map {
            InvoiceLine(label: $0["label"], period: $0["period"], quantity: $0["quantity"], unitPriceCents: $0["unitPriceCents"])
        }
    }
}
