import Foundation
import GRDB

/// The portal's SQLite database: one file, opened in WAL mode with foreign
/// keys on, and migrated to the current schema when opened.
///
/// Reference data is not loaded by the initializer: call
/// ``installReferenceDataIfNeeded(from:)`` at start-up, which loads it into a
/// new database and leaves an existing one untouched.
public final class PortalDatabase: Sendable {
    /// The connection pool. Read with `pool.read`, write with `pool.write`.
    public let pool: DatabasePool

    /// The path of the database file.
    public let path: String

    /// Opens (creating it if needed) the database at `path` and applies the
    /// pending migrations.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.label = "PortalDatabase"
        self.path = path
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    /// Performs a trivial read, throwing when the database does not answer.
    public func healthCheck() throws {
        _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }
}
