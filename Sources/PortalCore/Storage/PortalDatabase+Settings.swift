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

extension PortalDatabase {
    /// The text setting `name`, if set (for example ``publicAddressSetting``).
    public func textSetting(_ name: String) throws -> String? {
        try pool.read { db in
            try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [name]).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Sets the text setting `name` to `value`.
    public func setTextSetting(_ name: String, _ value: String) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                           arguments: [name, Data(value.utf8)])
        }
    }

    /// The setting holding the public address the server last started with, for the links the
    /// command line prints.
    public static let publicAddressSetting = "public-address"
}
