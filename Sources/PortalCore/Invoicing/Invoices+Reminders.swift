import Foundation
import GRDB

/// When payers are reminded of an open invoice: some days before its due date, and some days after.
public struct ReminderPolicy: Sendable, Hashable {
    /// An invoice due within this many days (0: on its due date) gets the reminder before.
    public var daysBefore: Int
    /// An invoice past due by this many days or more gets the reminder after.
    public var daysAfter: Int

    public init(daysBefore: Int, daysAfter: Int) {
        self.daysBefore = daysBefore
        self.daysAfter = daysAfter
    }
}

/// How many payers a run of ``Invoices/sendReminders(now:policy:)`` reminded.
public struct ReminderReport: Sendable, Hashable {
    public var before: Int
    public var after: Int

    public init(before: Int, after: Int) {
        self.before = before
        self.after = after
    }
}

extension Invoices {
    /// How many invoices one transaction reminds.
    static let reminderBatchSize = 200

    /// E-mails the payer of each open invoice once before its due date and once after it, as
    /// `policy` says, and records it in the invoice's history. Run every hour: an invoice
    /// reminded is never reminded again of the same kind; one issued today waits for tomorrow
    /// (its payer was just told). Reads the `invoice_awaiting_reminder_*` indexes only.
    @discardableResult
    public func sendReminders(now: Date, policy: ReminderPolicy) throws -> ReminderReport {
        let today = CalendarDay(now)
        let before = try remind(.reminderBefore, column: "reminderBeforeSentAt",
                                dueFrom: today, dueTo: today.adding(days: policy.daysBefore), issuedBefore: today, now: now)
        let after = try remind(.reminderAfter, column: "reminderAfterSentAt",
                               dueFrom: nil, dueTo: today.adding(days: -policy.daysAfter), issuedBefore: nil, now: now)
        return ReminderReport(before: before, after: after)
    }

    /// The SQL selecting a batch of open invoices not yet reminded through `column`, due in a range
    /// (exposed to the index test). The status list is written out to match the partial index.
    static func reminderQuery(column: String, hasLowerBound: Bool, issuedBefore: Bool) -> String {
        var conditions = ["\(column) IS NULL", "status IN \(InvoiceStatus.openSQL)", "dueOn <= ?"]
        if hasLowerBound { conditions.append("dueOn >= ?") }
        if issuedBefore { conditions.append("issuedOn < ?") }
        return "SELECT id FROM invoice WHERE \(conditions.joined(separator: " AND ")) ORDER BY dueOn, id LIMIT \(reminderBatchSize)"
    }

    private func remind(_ kind: InvoiceEvent.Kind, column: String, dueFrom: CalendarDay?, dueTo: CalendarDay,
                        issuedBefore: CalendarDay?, now: Date) throws -> Int {
        let sql = Self.reminderQuery(column: column, hasLowerBound: dueFrom != nil, issuedBefore: issuedBefore != nil)
        var arguments: StatementArguments = [dueTo.iso]
        if let dueFrom { arguments += [dueFrom.iso] }
        if let issuedBefore { arguments += [issuedBefore.iso] }
        var reminded = 0
        while true {
            let count = try database.pool.write { db in
                let ids = try Int64.fetchAll(db, sql: sql, arguments: arguments)
                for id in ids {
                    guard let invoice = try Invoice.fetch(id: id, db), let regie = try Regie.fetch(id: invoice.regieId, db),
                          let payer = try Account.contacts([invoice.payerAccountId], db)[invoice.payerAccountId]
                    else { throw InvoiceError.notFound }
                    let recipient = InvoiceNotifications.Payer(email: payer.email, name: payer.name)
                    let message = kind == .reminderBefore
                        ? notifications.reminderBefore(invoice, regie: regie, to: recipient)
                        : notifications.reminderAfter(invoice, regie: regie, to: recipient)
                    try Outbox.enqueue(message, now: now, db)
                    try db.execute(sql: "UPDATE invoice SET \(column) = ?, updatedAt = ? WHERE id = ?", arguments: [now, now, id])
                    try InvoiceEvent.record(kind, invoiceId: id, at: now, text: "Envoyé à \(payer.email)", db)
                }
                return ids.count
            }
            reminded += count
            if count < Self.reminderBatchSize { return reminded }
        }
    }
}
