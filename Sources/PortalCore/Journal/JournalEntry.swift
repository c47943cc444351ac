import Foundation
import GRDB

/// One line of the administration journal: who changed what, when, with the values before and
/// after (JSON), and the organisation it concerns so that its managers can read it.
public struct JournalEntry: Sendable, Hashable, Identifiable {
    /// What was done.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case organisationUpdated = "organisation_modifiee"

        /// The action in French, for the journal's page.
        public var label: String {
            switch self {
            case .organisationUpdated: "Organisation modifiée"
            }
        }
    }

    public var id: Int64
    public var at: Date
    /// The account that acted, nil for the command line.
    public var actorId: Int64?
    /// Its name then, kept should it change.
    public var actorName: String
    public var action: Action
    /// The kind of object changed ("organisation") and its id.
    public var objectKind: String
    public var objectId: String
    /// The organisation the change belongs to, if any.
    public var organisationId: String?
    /// The object's JSON before and after the change; nil when it did not exist.
    public var before: String?
    public var after: String?

    /// Writes a line in `db`, inside the change's own transaction: the change and its line stand or fall together.
    static func record(_ action: Action, by actor: Account?, objectKind: String, objectId: String, organisationId: String?,
                       before: (some Encodable)?, after: (some Encodable)?, now: Date, _ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json(_ value: (some Encodable)?) throws -> String? {
            try value.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        }
        try db.execute(sql: """
            INSERT INTO journal_entry (at, actorId, actorName, action, objectKind, objectId, organisationId, before, after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [now, actor?.id, actor?.displayName ?? "Ligne de commande", action.rawValue, objectKind, objectId,
                             organisationId, try json(before), try json(after)])
    }

    init(row: Row) {
        id = row["id"]
        at = row["at"]
        actorId = row["actorId"]
        actorName = row["actorName"]
        action = Action(rawValue: row["action"]) ?? .organisationUpdated
        objectKind = row["objectKind"]
        objectId = row["objectId"]
        organisationId = row["organisationId"]
        before = row["before"]
        after = row["after"]
    }
}
