import Foundation
import GRDB

/// The administration journal: reading it, for administrators, and for managers their organisations' lines.
public struct Journal: Sendable {
    /// What lines to read: by whom, about what kind of object, over which days (both included).
    public struct Filter: Sendable, Hashable {
        public var actorId: Int64?
        public var subjectKind: String?
        public var from: CalendarDay?
        public var to: CalendarDay?

        /// Creates a filter; nil keeps every value.
        public init(actorId: Int64? = nil, subjectKind: String? = nil, from: CalendarDay? = nil, to: CalendarDay? = nil) {
            self.actorId = actorId
            self.subjectKind = subjectKind
            self.from = from
            self.to = to
        }
    }

    /// Someone who acted in the journal, for the filter's choices.
    public struct Person: Sendable, Hashable {
        public var id: Int64
        public var name: String
    }

    /// The kinds of object lines are about, with their French names.
    public static let subjectKinds: [(kind: String, label: String)] = [
        ("compte", "Comptes de l'équipe"), ("organisation", "Organisations"), ("demarche", "Démarches"), ("regie", "Régies"), ("activite", "Activités"),
        ("reference", "Données de référence"),
    ]

    let database: PortalDatabase

    /// The journal of `database`.
    public init(database: PortalDatabase) {
        self.database = database
    }

    /// The lines matching `filter`, newest first, at most `limit`; and how many match in all.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator or a manager.
    public func entries(_ filter: Filter, limit: Int? = nil, by actor: Account?) throws -> (entries: [JournalEntry], total: Int) {
        var (conditions, arguments) = try Self.scope(of: actor)
        if let id = filter.actorId {
            conditions.append("actorId = ?")
            arguments += [id]
        }
        if let kind = filter.subjectKind {
            conditions.append("objectKind = ?")
            arguments += [kind]
        }
        if let from = filter.from {
            conditions.append("at >= ?")
            arguments += [from.start]
        }
        if let to = filter.to {
            conditions.append("at < ?")
            arguments += [to.adding(days: 1).start]
        }
        let condition = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try database.pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal_entry \(condition)", arguments: arguments) ?? 0
            var sql = "SELECT * FROM journal_entry \(condition) ORDER BY at DESC, id DESC"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            return (try Row.fetchAll(db, sql: sql, arguments: arguments).map(JournalEntry.init), total)
        }
    }

    /// Everyone who has a line, by name, for choosing whose lines to read.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator or a manager.
    public func people(by actor: Account?) throws -> [Person] {
        let (conditions, arguments) = try Self.scope(of: actor)
        let condition = (conditions + ["actorId IS NOT NULL"]).joined(separator: " AND ")
        return try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT actorId, (SELECT actorName FROM journal_entry AS latest WHERE latest.actorId = journal_entry.actorId
                                 ORDER BY id DESC LIMIT 1) AS name
                FROM journal_entry WHERE \(condition) GROUP BY actorId ORDER BY name COLLATE NOCASE
                """, arguments: arguments).map { Person(id: $0["actorId"], name: $0["name"]) }
        }
    }

    /// The lines `actor` may read: all for an administrator, those of a manager's organisations.
    private static func scope(of actor: Account?) throws -> ([String], StatementArguments) {
        let actor = try Catalogue.administration(actor)
        guard actor.role == .manager else { return ([], []) }
        return (["organisationId IN (\(SQLList.placeholders(actor.organisationIds.count)))"], StatementArguments(actor.organisationIds))
    }
}
