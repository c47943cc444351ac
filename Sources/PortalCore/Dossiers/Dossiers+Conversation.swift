import Foundation
import GRDB

extension Dossiers {
    /// The longest message or note.
    public static let maximumTextLength = 5000

    /// A message between the resident and the handling service, on the dossier's timeline, with
    /// an optional document (PDF, JPEG, PNG); the other side is told by e-mail (without the
    /// message: they read it on the portal). A text breaking the rule of multi-line fields throws
    /// its ``TypedText/Problem``.
    public func sendMessage(_ text: String, attachment: Upload? = nil, on dossierId: Int64, actor: Account?, now: Date) throws {
        let text = try Self.checkedText(TypedText.multiLine(text, subject: "Votre message"))
        guard let actor else { throw DossierError.notFound }
        let visible = try dossier(id: dossierId, actor: actor, now: now)
        guard visible.status != .draft else { throw DossierError.notFound }
        let file = try attachment.flatMap { upload -> StoredFile? in
            guard !upload.bytes.isEmpty || !upload.filename.isEmpty else { return nil }
            return try files.store(upload.bytes, originalName: upload.filename, owner: actor, allowed: FileKind.allCases,
                                   maximumBytes: Self.defaultMaximumFileBytes, now: now)
        }
        try database.pool.write { db in
            let dossier = try Self.visible(id: dossierId, to: actor, now: now, db)
            if let file {
                try db.execute(sql: "INSERT OR IGNORE INTO dossier_file (dossierId, fileId) VALUES (?, ?)", arguments: [dossier.id, file.id])
            }
            try DossierEvent.record(.message, dossierId: dossier.id, at: now, actor: actor.id, text: text, fileId: file?.id,
                                    adviser: actor.franceServicesAdviser, db)
            if actor.role == .agent {
                if let resident = try DossierNotifications.Recipient.account(dossier.accountId, db) {
                    try Outbox.enqueue(notifications.message(on: dossier.summary, to: resident, forAgent: false), now: now, db)
                }
            } else if let organisation = dossier.organisationId {
                for agent in try DossierNotifications.Recipient.agents(of: organisation, db) {
                    try Outbox.enqueue(notifications.message(on: dossier.summary, to: agent, forAgent: true), now: now, db)
                }
            }
        }
    }

    /// How long a message from the service stays on the resident's "À faire" list without an answer.
    public static let replyWindow: TimeInterval = 30 * 24 * 3600

    /// For the dashboard: the resident's open dossiers whose last message is the service's, sent
    /// within ``replyWindow``, with that message's date; oldest first.
    public func messagesAwaitingReply(of actor: Account?, now: Date) throws -> [(DossierSummary, Date)] {
        guard let actor = actor?.acting(as: .resident) else { throw DossierError.notFound }
        return try database.pool.read { db in try Self.messagesAwaitingReply(ofResident: actor.id, now: now, db) }
    }

    private static let qualifiedSummaryColumns = DossierSummary.columns.split(separator: ",")
        .map { "dossier." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")

    static func messagesAwaitingReply(ofResident id: Int64, now: Date, _ db: Database) throws -> [(DossierSummary, Date)] {
        let closed = DossierStatus.allCases.filter(\.isClosed).map(\.rawValue) + [DossierStatus.draft.rawValue]
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(Self.qualifiedSummaryColumns), last.at
            FROM dossier JOIN dossier_event AS last ON last.id = (
                SELECT id FROM dossier_event WHERE dossierId = dossier.id AND kind = ? ORDER BY at DESC, id DESC LIMIT 1)
            WHERE dossier.accountId = ? AND dossier.status NOT IN (\(closed.map { _ in "?" }.joined(separator: ", ")))
              AND last.actorAccountId IS NOT ? AND last.at > ?
            ORDER BY last.at
            """), arguments: [DossierEvent.Kind.message.rawValue, id] + StatementArguments(closed)
                + [id, now.addingTimeInterval(-Self.replyWindow)]
        ).map { row in (try DossierSummary(row: row), row[DossierSummary.columnCount] as Date) }
    }

    /// A note only the agents of the handling organisation see. A text breaking the rule of
    /// multi-line fields throws its ``TypedText/Problem``.
    public func addNote(_ text: String, on dossierId: Int64, actor: Account?, now: Date) throws {
        guard actor?.acting(as: .agent) != nil else { throw DossierError.notFound }
        let text = try Self.checkedText(TypedText.multiLine(text, subject: "La note"))
        try database.pool.write { db in
            let dossier = try Self.visible(id: dossierId, to: actor, now: now, db)
            try DossierEvent.record(.note, dossierId: dossier.id, at: now, actor: actor?.id, text: text, isInternal: true, db)
        }
    }

    /// The agents of `organisation`, one of the actor's, to assign its dossiers to.
    public func colleagues(in organisation: String, of actor: Account?) throws -> [Account] {
        guard let actor = actor?.acting(as: .agent), actor.organisationIds.contains(organisation) else { throw DossierError.notFound }
        return try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Account.columns) FROM account JOIN account_organisation ON account_organisation.accountId = account.id
                WHERE \(Role.processingDossiersSQL) AND account_organisation.organisationId = ? ORDER BY displayName
                """, arguments: [organisation]).map(Account.init(row:))
        }
    }

    /// Names of the accounts in a dossier's timeline or a queue, for an agent of the organisation.
    public func names(of accountIds: Set<Int64>) throws -> [Int64: String] {
        try database.pool.read { db in try Account.contacts(accountIds, db).mapValues(\.name) }
    }

    /// `text`, already normalised by ``TypedText``, when it is neither empty nor too long.
    static func checkedText(_ text: String) throws -> String {
        guard !text.isEmpty else { throw DossierError.textRequired }
        guard text.count <= maximumTextLength else { throw DossierError.textTooLong(maximum: maximumTextLength) }
        return text
    }
}
