import Foundation
import GRDB

/// The published form definitions, by procedure and version.
///
/// Publishing a changed definition adds a new version; publishing an identical one changes
/// nothing. Old versions stay, so every dossier can be shown with the questions it answered.
public struct FormStore: Sendable {
    public let database: PortalDatabase

    public init(database: PortalDatabase) {
        self.database = database
    }

    /// Publishes `definition`'s pages as the new current version of its procedure's form,
    /// unless they equal the current version's; returns the current definition either way.
    @discardableResult
    public func publish(_ definition: FormDefinition, now: Date) throws -> FormDefinition {
        try database.pool.write { db in
            if let current = try Self.current(definition.procedureSlug, db), current.pages == definition.pages {
                return current
            }
            let version = (try Int.fetchOne(
                db, sql: "SELECT MAX(version) FROM form_definition WHERE procedureSlug = ?",
                arguments: [definition.procedureSlug]) ?? 0) + 1
            var published = definition
            published.version = version
            try db.execute(
                sql: "INSERT INTO form_definition (procedureSlug, version, definition, publishedAt) VALUES (?, ?, ?, ?)",
                arguments: [definition.procedureSlug, version, String(decoding: try JSONEncoder().encode(published), as: UTF8.self), now])
            return published
        }
    }

    /// The current form of a procedure, or nil when it cannot be done online here.
    public func current(procedureSlug: String) throws -> FormDefinition? {
        try database.pool.read { db in try Self.current(procedureSlug, db) }
    }

    /// A given version of a procedure's form.
    public func form(procedureSlug: String, version: Int) throws -> FormDefinition? {
        try database.pool.read { db in
            try String.fetchOne(
                db, sql: "SELECT definition FROM form_definition WHERE procedureSlug = ? AND version = ?",
                arguments: [procedureSlug, version]
            ).map(Self.decode)
        }
    }

    /// Whether the procedure `slug` has an online form here.
    public func hasForm(procedureSlug slug: String) throws -> Bool {
        try database.pool.read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM form_definition WHERE procedureSlug = ?)"),
                              arguments: [slug]) ?? false
        }
    }

    /// The procedures that have an online form.
    public func procedureSlugs() throws -> Set<String> {
        try database.pool.read(Self.procedureSlugs)
    }

    static func procedureSlugs(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT procedureSlug FROM form_definition")))
    }

    static func current(_ slug: String, _ db: Database) throws -> FormDefinition? {
        try String.fetchOne(
            db, sql: "SELECT definition FROM form_definition WHERE procedureSlug = ? ORDER BY version DESC LIMIT 1",
            arguments: [slug]
        ).map(decode)
    }

    static func decode(_ json: String) throws -> FormDefinition {
        try JSONDecoder().decode(FormDefinition.self, from: Data(json.utf8))
    }
}
