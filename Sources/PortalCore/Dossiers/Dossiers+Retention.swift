import Foundation
import GRDB

extension Dossiers {
    /// How long before a draft expires its owner is reminded by e-mail.
    public static let draftReminderLead: TimeInterval = 7 * 24 * 3600

    /// Deletes the drafts whose 100 days passed untouched (residents see the date on their
    /// dashboard and on every page of the form, and had a reminder a week before); returns how many went.
    @discardableResult
    public func purgeExpiredDrafts(now: Date) throws -> Int {
        try database.pool.write { db in
            try db.execute(
                sql: "DELETE FROM dossier WHERE status = ? AND draftExpiresAt <= ?",
                arguments: [DossierStatus.draft.rawValue, now])
            return db.changesCount
        }
    }

    /// Queues one e-mail to the owner of each draft that expires within ``draftReminderLead``
    /// and was not reminded since it was last saved (saving a page gives it 100 days again, and
    /// a later reminder); returns how many were queued.
    @discardableResult
    public func remindExpiringDrafts(now: Date) throws -> Int {
        try database.pool.write { db in
            let drafts = try Row.fetchAll(db, sql: """
                SELECT \(DossierSummary.columns) FROM dossier
                WHERE draftExpiresAt > ? AND draftExpiresAt <= ? AND status = ?
                  AND (draftRemindedAt IS NULL OR draftRemindedAt < updatedAt)
                """, arguments: [now, now.addingTimeInterval(Self.draftReminderLead), DossierStatus.draft.rawValue]
            ).map(DossierSummary.init(row:))
            for draft in drafts {
                if let resident = try DossierNotifications.Recipient.account(draft.accountId, db) {
                    try Outbox.enqueue(notifications.draftExpiring(draft, to: resident), now: now, db)
                }
                try db.execute(sql: "UPDATE dossier SET draftRemindedAt = ? WHERE id = ?", arguments: [now, draft.id])
            }
            return drafts.count
        }
    }
}
