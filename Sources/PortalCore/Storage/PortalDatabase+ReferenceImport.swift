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
    /// the last import (organisations, from the journal) keeps its edit unless `replacingEdits`: an
    /// import never silently overwrites the administration. Accounts and everything else are kept.
    ///
    /// A database without reference data yet (a new data folder) takes the files whole.
    ///
    /// - Throws: ``ReferenceDataError`` when the files are invalid or would leave an account without
    ///   its commune or organisation (nothing changes then); a database error.
    public func importReferenceData(from directory: URL, apply: Bool, replacingEdits: Bool = false, now: Date) throws -> ReferenceImport {
        let incoming = try ReferenceData.load(from: directory)
        return try pool.write { db in
            let current = try ReferenceData.fetch(db)
            let diff = try ReferenceDiff(from: current, to: incoming)
            let edits = try Self.administrationEdits(db).compactMap { id, edit -> ReferenceImport.Edit? in
                diff.entries.first { $0.kind == .organisation && $0.id == id && $0.change != .added }
                    .map { ReferenceImport.Edit(entry: $0, by: edit.by, at: edit.at) }
            }.sorted { $0.entry.name < $1.entry.name }
            let report = ReferenceImport(diff: diff, edits: edits, replacingEdits: replacingEdits, applied: apply && !diff.isEmpty)
            guard report.applied else { return report }
            var merged = incoming
            if !replacingEdits {
                for edit in edits {
                    guard let kept = current.organisations.first(where: { $0.id == edit.entry.id }) else { continue }
                    if let index = merged.organisations.firstIndex(where: { $0.id == kept.id }) {
                        merged.organisations[index] = kept
                    } else {
                        merged.organisations.append(kept)
                    }
                }
            }
            try Self.checkAccountsStillResolve(with: merged, db)
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

    /// The organisations edited in the administration since the last import, with the latest editor.
    private static func administrationEdits(_ db: Database) throws -> [(String, (by: String, at: Date))] {
        try Row.fetchAll(db, sql: """
            SELECT objectId, actorName, at FROM journal_entry AS edit
            WHERE action = ? AND at > IFNULL((SELECT MAX(at) FROM journal_entry WHERE action = ?), '')
              AND id = (SELECT MAX(id) FROM journal_entry WHERE action = edit.action AND objectId = edit.objectId)
            """, arguments: [JournalEntry.Action.organisationUpdated.rawValue, JournalEntry.Action.referenceImported.rawValue])
            .map { ($0["objectId"], (by: $0["actorName"], at: $0["at"])) }
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
