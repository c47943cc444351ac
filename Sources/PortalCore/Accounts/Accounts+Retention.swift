import Foundation
import GRDB

extension Accounts {
    /// What ``purgeExpiredRecords(now:)`` removed.
    public struct PurgeReport: Sendable, Hashable {
        /// Sessions past their idle or absolute expiry.
        public var sessions: Int
        /// Failed log-in attempts older than the throttling window.
        public var loginFailures: Int
    }

    /// Deletes the records whose retention time is over: expired sessions, and failed
    /// log-in attempts that no longer count for throttling (as the personal-data page says).
    ///
    /// Expired sessions are already refused when used; this removes those never used again.
    @discardableResult
    public func purgeExpiredRecords(now: Date) throws -> PurgeReport {
        try database.pool.write { db in
            try db.execute(
                sql: "DELETE FROM session WHERE lastSeenAt <= ? OR createdAt <= ?",
                arguments: [now.addingTimeInterval(-Self.sessionIdleTimeout), now.addingTimeInterval(-Self.sessionLifetime)])
            let sessions = db.changesCount
            try db.execute(
                sql: "DELETE FROM login_failure WHERE failedAt <= ?",
                arguments: [now.addingTimeInterval(-Self.throttleWindow)])
            return PurgeReport(sessions: sessions, loginFailures: db.changesCount)
        }
    }
}
