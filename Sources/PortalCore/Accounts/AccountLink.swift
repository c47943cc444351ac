import Foundation
import GRDB

/// A one-time link e-mailed to an account, `…/activation/{token}`: the token has 256 random bits,
/// only its SHA-256 is stored, it serves once, expires, and a newer link of the same purpose voids
/// the older ones.
public enum AccountLink {
    /// What a link is for.
    public enum Purpose: String, Sendable {
        /// A first administrator, created from the command line, chooses a password.
        case activation
    }

    /// How long an activation link stays valid.
    public static let activationLifetime: TimeInterval = 24 * 3600

    /// A link just made, to be sent.
    public struct Issued: Sendable {
        public var account: Account
        /// The token, known only to the link's recipient once this is gone.
        public var token: String
        /// The link's address.
        public var url: String
        public var expiresAt: Date
    }

    /// Makes a link for `accountId`, voiding its unused links of the same purpose; returns the token.
    static func issue(_ purpose: Purpose, for accountId: Int64, lifetime: TimeInterval, now: Date, _ db: Database) throws -> String {
        try db.execute(sql: """
            UPDATE account_link SET voidedAt = ? WHERE accountId = ? AND purpose = ? AND usedAt IS NULL AND voidedAt IS NULL
            """, arguments: [now, accountId, purpose.rawValue])
        let token = RandomToken.make()
        try db.execute(sql: """
            INSERT INTO account_link (accountId, purpose, tokenDigest, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)
            """, arguments: [accountId, purpose.rawValue, SessionToken.digest(token), now, now.addingTimeInterval(lifetime)])
        return token
    }

    /// The account of a valid link carrying `token` (unused, not voided, not expired), with the link's id.
    static func valid(_ token: String, purpose: Purpose, now: Date, _ db: Database) throws -> (Account, Int64)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, accountId FROM account_link
            WHERE tokenDigest = ? AND purpose = ? AND usedAt IS NULL AND voidedAt IS NULL AND expiresAt > ?
            """, arguments: [SessionToken.digest(token), purpose.rawValue, now]),
              let account = try Account.fetch(id: row["accountId"], db) else { return nil }
        return (account, row["id"])
    }
}
