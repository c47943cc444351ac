import Crypto
import Foundation
import GRDB

/// Session tokens: 256 random bits given to the client as base64url; only
/// their SHA-256 digest is stored, so a copy of the database opens no session.
enum SessionToken {
    /// Creates a session for `accountId` and returns its token.
    static func open(for accountId: Int64, now: Date, _ db: Database) throws -> String {
        let token = RandomToken.make()
        try db.execute(
            sql: "INSERT INTO session (tokenDigest, accountId, createdAt, lastSeenAt) VALUES (?, ?, ?, ?)",
            arguments: [digest(token), accountId, now, now])
        try db.execute(sql: "UPDATE account SET lastLogInAt = ? WHERE id = ?", arguments: [now, accountId])
        return token
    }

    /// The stored form of `token`.
    static func digest(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }
}
