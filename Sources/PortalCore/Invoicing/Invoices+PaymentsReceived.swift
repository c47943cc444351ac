import Foundation
import GRDB

/// A payment received by a régie, as its accounting needs it.
public struct ReceivedPayment: Sendable, Hashable {
    public var payment: Payment
    public var regieId: String
    public var invoiceNumber: String
    public var payerName: String
}

extension Invoices {
    /// The payments the agent's régies received from `from` to `to` (both included, days in
    /// France), by one channel or all, in the order received, up to `limit`. Read through the
    /// `payment_by_regie_settled` index.
    public func paymentsReceived(from: CalendarDay, to: CalendarDay, channel: PaymentChannel?, limit: Int,
                                 actor: Account?) throws -> [ReceivedPayment] {
        guard let actor = actor?.acting(as: .agent) else { throw InvoiceError.notFound }
        let regieIds = try regies(of: actor).map(\.id)
        guard !regieIds.isEmpty else { return [] }
        let (conditions, arguments) = Self.receivedConditions(regieIds: regieIds, from: from, to: to, channel: channel)
        return try database.pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT payment.*, invoice.number AS invoiceNumber, invoice.payerAccountId AS payerId
                    FROM payment JOIN invoice ON invoice.id = payment.invoiceId
                    WHERE \(conditions) ORDER BY payment.settledAt, payment.id LIMIT ?
                    """,
                arguments: arguments + [limit])
            let payers = try Account.contacts(Set(rows.map { $0["payerId"] as Int64 }), db)
            return try rows.map { row in
                ReceivedPayment(payment: try Payment(row: row), regieId: row["regieId"], invoiceNumber: row["invoiceNumber"],
                                payerName: payers[row["payerId"]]?.name ?? "")
            }
        }
    }

    /// The SQL condition of payments received (exposed to the index test).
    static func receivedConditions(regieIds: [String], from: CalendarDay, to: CalendarDay,
                                   channel: PaymentChannel?) -> (String, StatementArguments) {
        var conditions = ["payment.regieId IN (\(SQLList.placeholders(regieIds.count)))", "payment.settledAt >= ?", "payment.settledAt < ?",
                          "payment.status = ?"]
        var arguments = StatementArguments(regieIds) + [from.start, to.adding(days: 1).start, PaymentStatus.paid.rawValue]
        if let channel {
            conditions.append("payment.channel = ?")
            arguments += [channel.rawValue]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
