import Foundation
import GRDB

/// Dossier use cases: a resident starts a draft, answers it page by page, files it, and
/// follows it; an agent of the handling organisation processes it. Every use case takes the
/// acting account and checks it: a dossier the account may not see is ``DossierError/notFound``.
public struct Dossiers: Sendable {
    public let database: PortalDatabase
    public let catalogue: Catalogue
    public let forms: FormStore
    /// The e-mails events produce, queued in the outbox with the event.
    public let notifications: DossierNotifications
    /// Documents sent with answers, in `files/` beside the database.
    public let files: FileStore

    /// How long an untouched draft is kept.
    public static let draftLifetime: TimeInterval = 100 * 24 * 3600

    /// - Parameter links: where the e-mails link to (the web layer's site map).
    public init(database: PortalDatabase, catalogue: Catalogue, links: any PortalLinks) throws {
        self.database = database
        self.catalogue = catalogue
        self.forms = FormStore(database: database)
        self.notifications = DossierNotifications(links: links)
        self.files = try FileStore(
            database: database,
            directory: URL(fileURLWithPath: database.path).deletingLastPathComponent().appendingPathComponent("files", isDirectory: true))
    }

    /// A document sent for a file question.
    public struct Upload: Sendable {
        public var filename: String
        public var bytes: [UInt8]

        public init(filename: String, bytes: [UInt8]) {
            self.filename = filename
            self.bytes = bytes
        }
    }

    /// Files are limited to 10 MB unless the question says otherwise.
    public static let defaultMaximumFileBytes = 10_000_000

    /// Starts a draft of `procedureSlug` for a resident, in their commune, on the current form version.
    public func startDraft(procedureSlug: String, actor: Account?, now: Date) throws -> Dossier {
        guard let actor = actor?.acting(as: .resident), let commune = actor.communeInsee else { throw DossierError.notFound }
        // An adviser acting outside their mandate learns nothing, not even whether the form exists.
        if actor.franceServicesAdviser != nil {
            let family = ProcedureFamily.of(category: catalogue.procedure(slug: procedureSlug)?.categoryId ?? "")
            guard try database.pool.read({ db in try actor.mayAct(in: family, now: now, db) }) else { throw DossierError.notFound }
        }
        // An unpublished procedure takes no new request; its dossiers already filed go on.
        guard let procedure = catalogue.publishedProcedure(slug: procedureSlug),
              let form = try forms.current(procedureSlug: procedureSlug) else { throw DossierError.procedureNotOnline }
        if case .notOffered(let note) = catalogue.handler(for: procedure, commune: commune) {
            throw DossierError.notOfferedInCommune(note: note)
        }
        return try database.pool.write { db in
            let id = try Self.insertWithFreshReference(db) { reference in
                try db.execute(
                    sql: """
                        INSERT INTO dossier (reference, procedureSlug, procedureTitle, formVersion, accountId, communeInsee,
                                             status, answers, createdAt, updatedAt, draftExpiresAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [reference, procedure.slug, procedure.title, form.version, actor.id, commune,
                                DossierStatus.draft.rawValue, try Dossier.encode(FormAnswers()), now, now,
                                now.addingTimeInterval(Self.draftLifetime)])
            }
            try DossierEvent.record(.started, dossierId: id, at: now, actor: actor.id, to: .draft, adviser: actor.franceServicesAdviser, db)
            return try Dossier.fetch(id: id, db)!
        }
    }

    /// The dossier, when `actor` may see it: its resident, or an agent of the organisation
    /// handling it once filed.
    public func dossier(id: Int64, actor: Account?, now: Date) throws -> Dossier {
        try database.pool.read { db in try Self.visible(id: id, to: actor, now: now, db) }
    }

    /// The form version the dossier was started with.
    public func form(of dossier: Dossier) throws -> FormDefinition {
        guard let form = try forms.form(procedureSlug: dossier.procedureSlug, version: dossier.formVersion) else {
            throw DossierError.procedureNotOnline
        }
        return form
    }

    /// Reads one page of a draft's form; saves the answers when the page is complete.
    /// The draft's expiry starts again.
    ///
    /// Documents for file questions come in `uploads`, by field id: each is checked (kind from
    /// its content, size) and kept; a question left without a new document keeps the one sent
    /// before, so a page shown again after an error does not ask for it twice.
    public func answer(
        page pageId: String, of dossierId: Int64, input: FormInput, uploads: [String: Upload] = [:],
        validator: FormValidator, actor: Account?, now: Date
    ) throws -> FormValidator.PageResult {
        let dossier = try draft(dossierId, of: actor, now: now)
        guard let actor else { throw DossierError.notFound }
        let form = try form(of: dossier)
        guard let page = form.visiblePages(for: dossier.answers).first(where: { $0.id == pageId }) ?? form.page(id: pageId) else {
            throw DossierError.notFound
        }
        var result = validator.validate(page, input: input, previous: dossier.answers)
        var storedFiles: [Int64] = []
        for field in page.visibleFields(for: result.answers) where field.kind == .file {
            if let upload = uploads[field.id], !(upload.bytes.isEmpty && upload.filename.isEmpty) {
                do {
                    let file = try files.store(
                        upload.bytes, originalName: upload.filename, owner: actor,
                        allowed: (field.rules.fileTypes ?? ["pdf", "jpeg", "png"]).compactMap(FileKind.init(rawValue:)),
                        maximumBytes: field.rules.maxFileBytes ?? Self.defaultMaximumFileBytes, now: now)
                    result.answers[field.id] = .file(FileReference(file))
                    storedFiles.append(file.id)
                } catch let problem as FileStore.Problem {
                    result.errors.add(problem.message, for: field.id)
                }
            } else if field.required, result.answers[field.id] == nil {
                result.errors.add(field.rules.requiredMessage ?? FormValidator.missingMessage(.file), for: field.id)
            }
        }
        // Files kept even when another answer is wrong: the page shows them as already sent.
        try database.pool.write { db in
            for fileId in storedFiles {
                try db.execute(sql: "INSERT OR IGNORE INTO dossier_file (dossierId, fileId) VALUES (?, ?)", arguments: [dossier.id, fileId])
            }
            var saved = dossier.answers
            if result.errors.isEmpty {
                saved = result.answers
            } else {
                for field in page.fields where field.kind == .file { saved[field.id] = result.answers[field.id] }
            }
            try db.execute(
                sql: "UPDATE dossier SET answers = ?, updatedAt = ?, draftExpiresAt = ? WHERE id = ? AND status = ?",
                arguments: [try Dossier.encode(saved), now, now.addingTimeInterval(Self.draftLifetime),
                            dossier.id, DossierStatus.draft.rawValue])
        }
        return result
    }

    /// A document of a dossier, for its resident or the agents handling it: the metadata and bytes.
    public func file(_ fileId: Int64, of dossierId: Int64, actor: Account?, now: Date) throws -> (StoredFile, Data) {
        let file = try database.pool.read { db -> StoredFile in
            let dossier = try Self.visible(id: dossierId, to: actor, now: now, db)
            guard let row = try Row.fetchOne(
                db, sql: """
                    SELECT stored_file.* FROM stored_file JOIN dossier_file ON dossier_file.fileId = stored_file.id
                    WHERE dossier_file.dossierId = ? AND stored_file.id = ?
                    """,
                arguments: [dossier.id, fileId]) else { throw DossierError.notFound }
            return StoredFile(row: row)
        }
        return (file, try files.contents(of: file))
    }

    /// Files a complete draft: sets the legal date of filing and routes it to the organisation
    /// handling the procedure for the resident's commune.
    ///
    /// Filing twice (double click, back and resubmit, replay) returns the same dossier and
    /// creates nothing: the draft row itself becomes the dossier.
    public func submit(_ dossierId: Int64, actor: Account?, now: Date) throws -> Dossier {
        let dossier = try dossier(id: dossierId, actor: actor, now: now)
        guard dossier.accountId == actor?.id else { throw DossierError.notFound }
        guard dossier.status == .draft else { return dossier }
        let form = try form(of: dossier)
        if let ending = form.ending(for: dossier.answers) { throw DossierError.endedByAnswer(ending) }
        if let missing = form.firstIncompletePage(for: dossier.answers) { throw DossierError.incomplete(pageId: missing.id) }
        guard let procedure = catalogue.procedure(slug: dossier.procedureSlug) else { throw DossierError.procedureNotOnline }
        guard case .organisation(let organisation, _, _) = catalogue.handler(for: procedure, commune: dossier.communeInsee) else {
            throw DossierError.notOfferedInCommune(note: nil)
        }
        return try database.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE dossier SET status = ?, organisationId = ?, answers = ?, filedAt = ?, decisionDueAt = ?, updatedAt = ?,
                        draftExpiresAt = NULL, channel = ?
                    WHERE id = ? AND status = ?
                    """,
                arguments: [DossierStatus.filed.rawValue, organisation.id, try Dossier.encode(form.filedAnswers(dossier.answers)),
                            now, procedure.silence.decisionDate(filedAt: now), now, DossierChannel.of(actor).rawValue,
                            dossier.id, DossierStatus.draft.rawValue])
            let filed = try Dossier.fetch(id: dossier.id, db)!
            if db.changesCount == 1 {
                try DossierEvent.record(.filed, dossierId: dossier.id, at: now, actor: actor?.id, from: .draft, to: .filed,
                                        adviser: actor?.franceServicesAdviser, db)
                try notifyFiling(filed, service: organisation, silence: procedure.silence, now: now, db)
            }
            return filed
        }
    }

    /// A resident's own dossiers, most recently changed first; expired drafts are left out.
    public func dossiers(of actor: Account?, now: Date) throws -> [DossierSummary] {
        guard let actor = actor?.acting(as: .resident) else { throw DossierError.notFound }
        return try database.pool.read { db in try Self.dossiers(ofResident: actor.id, now: now, db) }
    }

    static func dossiers(ofResident id: Int64, now: Date, _ db: Database) throws -> [DossierSummary] {
        // Run on every dashboard: kept compiled, as the statements of the queue.
        try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT \(DossierSummary.columns) FROM dossier WHERE accountId = ? AND (draftExpiresAt IS NULL OR draftExpiresAt > ?)
                ORDER BY updatedAt DESC
                """),
            arguments: [id, now]
        ).map(DossierSummary.init(row:))
    }

    /// The timeline of a dossier as `actor` may see it: residents never see internal notes.
    public func timeline(of dossierId: Int64, actor: Account?, now: Date) throws -> [DossierEvent] {
        try database.pool.read { db in
            let dossier = try Self.visible(id: dossierId, to: actor, now: now, db)
            let includeInternal = actor?.role == .agent
            return try Row.fetchAll(
                db, sql: """
                    SELECT dossier_event.*, stored_file.originalName AS fileName, stored_file.byteCount AS fileByteCount,
                           stored_file.contentType AS fileContentType, adviser.displayName AS adviserName
                    FROM dossier_event LEFT JOIN stored_file ON stored_file.id = dossier_event.fileId
                    LEFT JOIN account AS adviser ON adviser.id = dossier_event.adviserAccountId
                    WHERE dossierId = ? AND (internal = 0 OR ?) ORDER BY at, dossier_event.id
                    """,
                arguments: [dossier.id, includeInternal]
            ).map(DossierEvent.init(row:))
        }
    }

    /// The acknowledgement to the resident, and word of the new dossier to the service's agents.
    private func notifyFiling(_ dossier: Dossier, service: Organisation, silence: SilenceRule, now: Date, _ db: Database) throws {
        if let resident = try DossierNotifications.Recipient.account(dossier.accountId, db) {
            let receipt = Acknowledgement(dossier: dossier, service: service, silence: silence)
            try Outbox.enqueue(notifications.filed(receipt, dossierId: dossier.id, to: resident), now: now, db)
        }
        for agent in try DossierNotifications.Recipient.agents(of: service.id, db) {
            try Outbox.enqueue(notifications.newDossier(dossier.summary, to: agent), now: now, db)
        }
    }

    // MARK: Shared checks

    /// The draft, when it belongs to `actor` and is still a draft.
    func draft(_ id: Int64, of actor: Account?, now: Date) throws -> Dossier {
        let dossier = try dossier(id: id, actor: actor, now: now)
        guard dossier.accountId == actor?.id, dossier.status == .draft else { throw DossierError.notFound }
        return dossier
    }

    static func visible(id: Int64, to actor: Account?, now: Date, _ db: Database) throws -> Dossier {
        guard let actor, let dossier = try Dossier.fetch(id: id, db) else { throw DossierError.notFound }
        switch actor.role {
        case .resident:
            guard dossier.accountId == actor.id else { throw DossierError.notFound }
            if dossier.status == .draft, let expiry = dossier.draftExpiresAt, expiry <= now { throw DossierError.notFound }
            guard try actor.mayAct(in: { try Account.family(ofProcedure: dossier.procedureSlug, db) }, now: now, db) else {
                throw DossierError.notFound
            }
        case .agent, .manager:
            guard dossier.status != .draft, let organisation = dossier.organisationId, actor.organisationIds.contains(organisation) else {
                throw DossierError.notFound
            }
        case .franceServices, .admin:
            throw DossierError.notFound
        }
        return dossier
    }

    /// Inserts with a new random reference, drawing again on the rare collision.
    static func insertWithFreshReference(_ db: Database, insert: (String) throws -> Void) throws -> Int64 {
        for attempt in 1...5 {
            do {
                try insert(DossierReference.make())
                return db.lastInsertedRowID
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE && attempt < 5 {
                continue
            }
        }
        preconditionFailure("unreachable: the last attempt rethrows")
    }
}
