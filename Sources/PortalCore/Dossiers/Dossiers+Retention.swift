import Foundation
import GRDB

extension Dossiers {
    /// Deletes the drafts whose 100 days passed untouched (residents see the date on their
    /// dashboard and on every page of the form); returns how many went.
    @discardableResult
    public func purgeExpiredDrafts(now: Date) throws -> Int {
        try database.pool.write { db in
            try db.execute(
                sql: "DELETE FROM dossier WHERE status = ? AND draftExpiresAt <= ?",
                arguments: [DossierStatus.draft.rawValue, now])
            return db.changesCount
        }
    }
}
