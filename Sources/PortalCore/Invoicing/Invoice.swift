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

    init(row: Row, lines: [InvoiceLine]) {
        id = row["id"]
        number = row["number"]
        regieId = row["regieId"]
        payerAccountId = row["payerAccountId"]
        object = row["object"]
        self.lines = lines
        totalCents = row["totalCents"]
        paidCents = row["paidCents"]
        issuedOn = CalendarDay(iso: row["issuedOn"]) ?? CalendarDay(Date(timeIntervalSince1970: 0))
        dueOn = CalendarDay(iso: row["dueOn"]) ?? issuedOn
        payableOnlineUntil = CalendarDay(iso: row["payableOnlineUntil"]) ?? dueOn
        status = InvoiceStatus(rawValue: row["status"]) ?? .toPay
        cancellationReason = row["cancellationReason"]
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
        reminderBeforeSentAt = row["reminderBeforeSentAt"]
        reminderAfterSentAt = row["reminderAfterSentAt"]
        sentToCollectionAt = row["sentToCollectionAt"]
        externalReference = row["externalReference"]
    }

    /// The invoice with this id, with its lines.
    static func fetch(id: Int64, _ db: Database) throws -> Invoice? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM invoice WHERE id = ?", arguments: [id]) else { return nil }
        return Invoice(row: row, lines: try lines(of: id, db))
    }

    /// Invoices read by a listing query, without their lines (lists do not show them).
    static func fetchAllWithoutLines(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Invoice] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { Invoice(row: $0, lines: []) }
    }

    static func lines(of id: Int64, _ db: Database) throws -> [InvoiceLine] {
        try Row.fetchAll(db, sql: "SELECT * FROM invoice_line WHERE invoiceId = ? ORDER BY position", arguments: [id]).map {
            InvoiceLine(label: $0["label"], period: $0["period"], quantity: $0["quantity"], unitPriceCents: $0["unitPriceCents"])
        }
    }
}
