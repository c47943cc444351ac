import Foundation
import GRDB

extension Accounts {
    /// A session ends after this long without a request.
    public static let sessionIdleTimeout: TimeInterval = 30 * 60
    /// A session ends this long after log-in, however active.
    public static let sessionLifetime: TimeInterval = 12 * 60 * 60
    /// The last activity of a session is written at most this often, so that
    /// most requests only read.
    public static let sessionTouchInterval: TimeInterval = 60

    /// The account of the session with this token, or nil when the token is
    /// unknown or the session expired (idle or absolute expiry); an expired
    /// session is deleted.
    public func session(token: String, now: Date) throws -> Account? {
        let digest = SessionToken.digest(token)
        // Every logged-in request runs this query: keep it compiled (one per reader connection).
        let row = try database.pool.read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT \(Account.columns), session.createdAt AS sessionCreatedAt, session.lastSeenAt AS sessionLastSeenAt
                    FROM session JOIN account ON account.id = session.accountId
                    WHERE session.tokenDigest = ?
                    """),
                arguments: [digest])
        }
        guard let row else { return nil }
        let createdAt: Date = row["sessionCreatedAt"]
        let lastSeenAt: Date = row["sessionLastSeenAt"]
        let idle = now.timeIntervalSince(lastSeenAt)
        if idle >= Self.sessionIdleTimeout || now.timeIntervalSince(createdAt) >= Self.sessionLifetime {
            try database.pool.write { db in
                try db.execute(sql: "DELETE FROM session WHERE tokenDigest = ?", arguments: [digest])
            }
            return nil
        }
        if idle >= Self.sessionTouchInterval {
            try database.pool.write { db in
                try db.execute(
                    sql: "UPDATE session SET lastSeenAt = ? WHERE tokenDigest = ?", arguments: [now, digest])
            }
        }
        return try Account(row: row)
    }

    /// Opens a session for an account that has just proved who it is by other means than
    /// ``logIn(email:password:remoteAddress:now:)`` — the account ``signUp(_:now:)`` just
    /// created — and returns its token. Saves a second password hash on sign-up.
    public func openSession(for account: Account, now: Date) throws -> String {
        try database.pool.write { db in try SessionToken.open(for: account.id, now: now, db) }
    }

    /// Ends the session with this token; an unknown token is ignored.
    public func logOut(token: String) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE tokenDigest = ?", arguments: [SessionToken.digest(token)])
        }
    }
}
