import Foundation
import GRDB

extension PortalDatabase {
    /// The 32-byte random secret named `name`, created on first use and then
    /// kept in the `setting` table (for example the key of CSRF HMACs).
    public func secretKey(named name: String) throws -> [UInt8] {
        if let existing = try pool.read({ db in try Self.secret(named: name, db) }) {
            return existing
        }
        return try pool.write { db in
            if let existing = try Self.secret(named: name, db) { return existing }
            var generator = SystemRandomNumberGenerator()
            let secret = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            try db.execute(sql: "INSERT INTO setting (name, value) VALUES (?, ?)", arguments: [name, Data(secret)])
            return secret
        }
    }

    private static func secret(named name: String, _ db: Database) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [name]).map(Array.init)
    }
}
