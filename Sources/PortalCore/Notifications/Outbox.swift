import Foundation
import GRDB

/// The mail outbox: messages are written in the same transaction as the event they announce,
/// so none is lost if the server stops; a delivery worker takes the due ones, and a failed
/// delivery is tried again later with a growing delay.
public struct Outbox: Sendable {
    public let database: PortalDatabase

    public init(database: PortalDatabase) {
        self.database = database
    }

    /// Delays before the next attempt after 1, 2, 3… failures; the last one repeats.
    public static let retryDelays: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600]

    /// Queues `message` within the caller's transaction.
    static func enqueue(_ message: MailMessage, now: Date, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO outbox_message (recipient, subject, textBody, htmlBody, createdAt, nextAttemptAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [message.recipient, message.subject, message.textBody, message.htmlBody, now, now])
    }

    /// Queues `message` on its own.
    public func enqueue(_ message: MailMessage, now: Date) throws {
        try database.pool.write { db in try Self.enqueue(message, now: now, db) }
    }

    /// Messages not yet delivered whose next attempt is due, oldest first.
    public func due(now: Date, limit: Int = 50) throws -> [OutboxEntry] {
        try database.pool.read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT * FROM outbox_message WHERE sentAt IS NULL AND nextAttemptAt <= ?
                    ORDER BY nextAttemptAt, id LIMIT ?
                    """,
                arguments: [now, limit]
            ).map { row in
                OutboxEntry(
                    id: row["id"],
                    message: MailMessage(recipient: row["recipient"], subject: row["subject"],
                                         textBody: row["textBody"], htmlBody: row["htmlBody"]),
                    attempts: row["attempts"])
            }
        }
    }

    /// Records a delivery.
    public func markSent(_ id: Int64, now: Date) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE outbox_message SET sentAt = ?, attempts = attempts + 1 WHERE id = ?", arguments: [now, id])
        }
    }

    /// Records a failed attempt and schedules the next one.
    public func markFailed(_ id: Int64, error: String, now: Date) throws {
        try database.pool.write { db in
            let attempts = (try Int.fetchOne(db, sql: "SELECT attempts FROM outbox_message WHERE id = ?", arguments: [id]) ?? 0) + 1
            let delay = Self.retryDelays[min(attempts, Self.retryDelays.count) - 1]
            try db.execute(
                sql: "UPDATE outbox_message SET attempts = ?, lastError = ?, nextAttemptAt = ? WHERE id = ?",
                arguments: [attempts, String(error.prefix(500)), now.addingTimeInterval(delay), id])
        }
    }
}
