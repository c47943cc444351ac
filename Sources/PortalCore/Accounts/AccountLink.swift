import Foundation
import GRDB

/// A one-time link e-mailed to an account, `…/activation/{token}`: the token has 256 random bits,
/// only its SHA-256 is stored, it serves once, expires, and a newer link of the same purpose voids
/// the older ones.
public enum AccountLink {
    /// What a link is for.
    public enum Purpose: String, Sendable, CaseIterable {
        /// A first administrator, created from the command line, chooses a password.
        case activation
        /// A member of staff, invited by an administrator, chooses a password.
        case invitation

        /// How long a link of this purpose stays valid.
        public var lifetime: TimeInterval {
            switch self {
            case .activation: 24 * 3600
            case .invitation: 7 * 24 * 3600
            }
        }

        /// The purposes whose link leads to choosing a password, on the same page.
        static let choosingPassword: [Purpose] = [.activation, .invitation]
    }

    /// A link just made, to be sent.
    public struct Issued: Sendable {
        public var account: Account
        /// The token, known only to the link's recipient once this is gone.
        public var token: String
        /// The link's address.
        public var url: String
        public var expiresAt: Date
    }

    /// Makes a link for `account`, voiding its unused links of the same purpose.
    static func issue(_ purpose: Purpose, for account: Account, links: any PortalLinks, now: Date, _ db: Database) throws -> Issued {
        try db.execute(sql: """
            UPDATE account_link SET voidedAt = ? WHERE accountId = ? AND purpose = ? AND usedAt IS NULL AND voidedAt IS NULL
            """, arguments: [now, account.id, purpose.rawValue])
        let token = RandomToken.make()
        let expiresAt = now.addingTimeInterval(purpose.lifetime)
        try db.execute(sql: """
            INSERT INTO account_link (accountId, purpose, tokenDigest, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)
            """, arguments: [account.id, purpose.rawValue, SessionToken.digest(token), now, expiresAt])
        return Issued(account: account, token: token, url: links.accountActivation(token: token), expiresAt: expiresAt)
    }

    /// The account of a valid link carrying `token` (one of `purposes`, unused, not voided, not
    /// expired), with the link's id.
    static func valid(_ token: String, purposes: [Purpose], now: Date, _ db: Database) throws -> (Account, Int64)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, accountId, purpose FROM account_link
            WHERE tokenDigest = ? AND usedAt IS NULL AND voidedAt IS NULL AND expiresAt > ?
            """, arguments: [SessionToken.digest(token), now]),
              let purpose = Purpose(rawValue: row["purpose"]), purposes.contains(purpose),
              let account = try Account.fetch(id: row["accountId"], db) else { return nil }
        return (account, row["id"])
    }
}
