import Foundation
import GRDB

/// Money received (or on its way) for an invoice.
public struct Payment: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var invoiceId: Int64
    public var amountCents: Int
    public var channel: PaymentChannel
    public var status: PaymentStatus
    /// PayFiP's operation id (`idOp`) for online payments.
    public var operationId: String?
    /// The provider's or the counter's reference: PayFiP's authorisation number, a cheque number.
    public var reference: String?
    /// PayFiP's result code (`resultrans`) as received.
    public var providerResult: String?
    /// The agent who recorded a counter payment.
    public var recordedBy: Int64?
    public var createdAt: Date
    /// When it was paid, refused or abandoned.
    public var settledAt: Date?

    init(row: Row) throws {
        id = row["id"]
        invoiceId = row["invoiceId"]
        amountCents = row["amountCents"]
        channel = PaymentChannel(rawValue: row["channel"]) ?? .online
        status = try PaymentStatus(stored: row["status"], column: "payment.status")
        operationId = row["operationId"]
        reference = row["reference"]
        providerResult = row["providerResult"]
        recordedBy = row["recordedBy"]
        createdAt = row["createdAt"]
        settledAt = row["settledAt"]
    }

    /// The receipt's number, printed on it and in the e-mail: `R-` and the payment's id.
    public var receiptNumber: String { "R-\(String(format: "%07lld", id))" }

    static func fetch(id: Int64, _ db: Database) throws -> Payment? {
        try Row.fetchOne(db, sql: "SELECT * FROM payment WHERE id = ?", arguments: [id]).map(Payment.init(row:))
    }

    static func fetch(operationId: String, _ db: Database) throws -> Payment? {
        try Row.fetchOne(db, sql: "SELECT * FROM payment WHERE operationId = ?", arguments: [operationId]).map(Payment.init(row:))
    }

    static func fetchAll(invoiceId: Int64, _ db: Database) throws -> [Payment] {
        try Row.fetchAll(db, sql: "SELECT * FROM payment WHERE invoiceId = ? ORDER BY createdAt, id", arguments: [invoiceId])
            .map(Payment.init(row:))
    }
}
