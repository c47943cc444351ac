import Foundation
import GRDB

/// What `import-reference` found, and did when asked to apply it.
public struct ReferenceImport: Sendable {
    /// An entry the files change although an administrator edited it in the administration since the
    /// last import: the import leaves it as the administration has it, unless told to replace edits.
    public struct Edit: Sendable, Hashable {
        public var entry: ReferenceDiff.Entry
        public var by: String
        public var at: Date
    }

    /// What the files change, entry by entry.
    public var diff: ReferenceDiff
    /// The changed entries edited in the administration since the last import.
    public var edits: [Edit]
    /// Whether the edits were replaced by the files' version (else they are kept).
    public var replacingEdits: Bool
    /// Whether the database now holds the files' data.
    public var applied: Bool
}

extension PortalDatabase {
    /// The setting counting imports, which a running server watches to read the reference data again.
    public static let referenceRevisionSetting = "reference.revision"

    /// Compares the reference files of `directory` with the database and, when `apply` is true,
    /// applies them in one transaction and journals it. An entry edited in the administration since
    /// the last import (an organisation or a procedure, from the journal) keeps its edit unless `replacingEdits`: an
    /// import never silently overwrites the administration. Accounts and everything else are kept.
    ///
    /// A database without reference data yet (a new data folder) takes the files whole.
    ///
    /// - Throws: ``ReferenceDataError`` when the files are invalid or would leave an account without
    ///   its commune or organisation (nothing changes then); a database error.
    public func importReferenceData(from directory: URL, apply: Bool, replacingEdits: Bool = false, now: Date) throws -> ReferenceImport {
        let loaded = try ReferenceData.load(from: directory)
        return try pool.write { db in
            let current = try ReferenceData.fetch(db)
            let incoming = Self.followingAddresses(loaded, current)
            let diff = try ReferenceDiff(from: current, to: incoming)
            let edits = try Self.administrationEdits(db).compactMap { key, edit -> ReferenceImport.Edit? in
                diff.entries.first { $0.kind == key.kind && $0.id == key.id }
                    .map { ReferenceImport.Edit(entry: $0, by: edit.by, at: edit.at) }
            }.sorted { $0.entry.name < $1.entry.name }
            let report = ReferenceImport(diff: diff, edits: edits, replacingEdits: replacingEdits, applied: apply && !diff.isEmpty)
            guard report.applied else { return report }
            var merged = incoming
            if !replacingEdits {
                for edit in edits {
                    switch edit.entry.kind {
                    case .organisation: Self.keep(edit.entry.id, from: current.organisations, in: &merged.organisations, id: \.id)
                    case .procedure:
                        Self.keep(edit.entry.id, from: current.procedures, in: &merged.procedures, id: \.slug)
                        // A procedure renamed in the administration is the files' entry under its former address.
                        let former = current.procedures.first { $0.slug == edit.entry.id }?.formerSlugs ?? []
                        merged.procedures.removeAll { former.contains($0.slug) }
                    case .commune, .category: break
                    }
                }
            }
            try Self.checkAccountsStillResolve(with: merged, db)
            try Self.checkProceduresStillResolve(with: merged, current: current, db)
            try ReferenceData.deleteAll(from: db)
            try merged.insert(into: db)
            try JournalEntry.record(.referenceImported, by: nil, about: JournalEntry.Subject(kind: "reference", id: directory.path),
                                    summary: Self.summary(report), now: now, db)
            try db.execute(sql: """
                INSERT INTO setting (name, value) VALUES (?, CAST('1' AS BLOB))
                ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(CAST(value AS TEXT) AS INTEGER) + 1 AS TEXT)
                """, arguments: [Self.referenceRevisionSetting])
            return report
        }
    }

    /// `incoming` with each procedure the files name by a former address of a current procedure
    /// under that procedure's address (the files predate its change in the administration), so that
    /// no import brings the old address back beside it.
    private static func followingAddresses(_ incoming: ReferenceData, _ current: ReferenceData) -> ReferenceData {
        var result = incoming
        let slugs = Set(incoming.procedures.map(\.slug))
        for (index, procedure) in incoming.procedures.enumerated() where !current.procedures.contains(where: { $0.slug == procedure.slug }) {
            guard let renamed = current.procedures.first(where: { $0.formerSlugs.contains(procedure.slug) }), !slugs.contains(renamed.slug) else { continue }
            result.procedures[index].slug = renamed.slug
            result.procedures[index].formerSlugs = renamed.formerSlugs
        }
        return result
    }

    /// The journal's kinds of administration changes that an import keeps, by the entry kind they touch.
    private static let administrationActions: [JournalEntry.Action: ReferenceDiff.Kind] = [
        .organisationUpdated: .organisation,
        .procedureCreated: .procedure, .procedureUpdated: .procedure,
        .procedurePublished: .procedure, .procedureUnpublished: .procedure, .procedureRenamed: .procedure,
        .procedureDeleted: .procedure,
    ]

    /// The organisations and procedures edited in the administration since the last import, with
    /// the latest editor of each.
    private static func administrationEdits(_ db: Database) throws -> [(key: (kind: ReferenceDiff.Kind, id: String), edit: (by: String, at: Date))] {
        let actions = administrationActions.keys.map(\.rawValue).sorted()
        let rows = try Row.fetchAll(db, sql: """
            SELECT action, objectId, actorName, at FROM journal_entry AS edit
            WHERE action IN (\(SQLList.placeholders(actions.count)))
              AND at > IFNULL((SELECT MAX(at) FROM journal_entry WHERE action = ?), '')
            ORDER BY id DESC
            """, arguments: StatementArguments(actions + [JournalEntry.Action.referenceImported.rawValue]))
        var seen = Set<String>()
        return rows.compactMap { row in
            guard let action = JournalEntry.Action(rawValue: row["action"]), let kind = administrationActions[action] else { return nil }
            let id: String = row["objectId"]
            guard seen.insert("\(kind.rawValue)/\(id)").inserted else { return nil }
            return ((kind, id), (row["actorName"], row["at"]))
        }
    }

    /// Puts the current version of entry `id` in `merged`, in place of the files' version or after the
    /// others; an entry the administration deleted (or moved to another address) leaves `merged`.
    private static func keep<Value>(_ id: String, from current: [Value], in merged: inout [Value], id key: (Value) -> String) {
        guard let kept = current.first(where: { key($0) == id }) else {
            merged.removeAll { key($0) == id }
            return
        }
        if let index = merged.firstIndex(where: { key($0) == id }) {
            merged[index] = kept
        } else {
            merged.append(kept)
        }
    }

    private static func summary(_ report: ReferenceImport) -> String {
        func count(_ change: (ReferenceDiff.Change) -> Bool) -> Int { report.diff.entries.filter { change($0.change) }.count }
        let added = count { $0 == .added }, removed = count { $0 == .removed }
        let changed = report.diff.entries.count - added - removed
        var text = "\(added) ajout(s), \(changed) modification(s), \(removed) suppression(s)"
        if !report.edits.isEmpty {
            text += report.replacingEdits
                ? " ; \(report.edits.count) modification(s) de l'administration remplacée(s)"
                : " ; \(report.edits.count) modification(s) de l'administration gardée(s)"
        }
        return text
    }
}
