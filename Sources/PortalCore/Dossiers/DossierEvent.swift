import Foundation
import GRDB

/// One line of a dossier's timeline.
public struct DossierEvent: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable {
        case started, filed, statusChanged = "status_changed", assigned, message, note
        case documentRequested = "document_requested", documentSupplied = "document_supplied"
        case documentAccepted = "document_accepted", documentRefused = "document_refused"
    }

    public var id: Int64
    public var kind: Kind
    public var at: Date
    /// Who did it (nil for the system).
    public var actorAccountId: Int64?
    public var fromStatus: DossierStatus?
    public var toStatus: DossierStatus?
    /// A reason, a message, a note.
    public var text: String?
    /// Seen only by agents of the handling organisation.
    public var isInternal: Bool
    /// A document attached to a message.
    public var attachment: FileReference?
    /// The France Services adviser who did it for the resident, and their name.
    public var adviserAccountId: Int64?
    public var adviserName: String?

    init(row: Row) {
        id = row["id"]
        kind = Kind(rawValue: row["kind"]) ?? .note
        at = row["at"]
        actorAccountId = row["actorAccountId"]
        fromStatus = (row["fromStatus"] as String?).flatMap(DossierStatus.init(rawValue:))
        toStatus = (row["toStatus"] as String?).flatMap(DossierStatus.init(rawValue:))
        text = row["text"]
        isInternal = row["internal"]
        adviserAccountId = row["adviserAccountId"]
        adviserName = row["adviserName"]
        attachment = (row["fileId"] as Int64?).map { fileId in
            FileReference(fileId: fileId, name: row["fileName"] ?? "document",
                          byteCount: row["fileByteCount"] ?? 0,
                          kind: FileKind.allCases.first { $0.contentType == (row["fileContentType"] as String?) } ?? .pdf)
        }
    }

    static func record(
        _ kind: Kind, dossierId: Int64, at: Date, actor: Int64?, from: DossierStatus? = nil, to: DossierStatus? = nil,
        text: String? = nil, isInternal: Bool = false, fileId: Int64? = nil, adviser: FranceServicesAdviser? = nil, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO dossier_event (dossierId, kind, at, actorAccountId, fromStatus, toStatus, text, internal, fileId, adviserAccountId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [dossierId, kind.rawValue, at, actor, from?.rawValue, to?.rawValue, text, isInternal, fileId, adviser?.accountId])
    }
}
