import Foundation
import GRDB

extension Dossiers {
    /// An agent asks for a missing document: the dossier waits for documents, the resident is
    /// told by e-mail and sees it first on their dashboard. A label that is not a single line, or
    /// an explanation breaking the rule of multi-line fields (see ``TypedText``), throws
    /// ``DossierError/invalid(_:)`` keyed by ``DocumentRequestDraft/Field``.
    public func requestDocument(_ draft: DocumentRequestDraft, on dossierId: Int64, actor: Account?, now: Date) throws -> DocumentRequest {
        guard actor?.acting(as: .agent) != nil else { throw DossierError.notFound }
        var errors = ValidationErrors()
        let label = errors.singleLine(draft.label, subject: "Le document demandé", for: DocumentRequestDraft.Field.label.rawValue)
        let explanation = errors.multiLine(draft.explanation, subject: "L'explication",
                                           for: DocumentRequestDraft.Field.explanation.rawValue)
        guard errors.isEmpty else { throw DossierError.invalid(errors) }
        _ = try Self.checkedText(label)
        guard draft.dueOn > CalendarDay(now) else { throw DossierError.dueDateInThePast }
        return try database.pool.write { db in
            let dossier = try Self.visible(id: dossierId, to: actor, now: now, db)
            if dossier.status != .awaitingDocuments {
                guard DossierAction.requestDocuments.target(from: dossier.status) != nil else {
                    throw DossierError.invalidTransition(from: dossier.status)
                }
                try db.execute(sql: "UPDATE dossier SET status = ?, updatedAt = ? WHERE id = ?",
                               arguments: [DossierStatus.awaitingDocuments.rawValue, now, dossier.id])
            }
            try db.execute(
                sql: """
                    INSERT INTO document_request (dossierId, label, explanation, dueOn, status, requestedAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [dossier.id, label, explanation, draft.dueOn.iso, DocumentRequest.Status.requested.rawValue, now, now])
            let request = try DocumentRequest(row: try Row.fetchOne(db, sql: "SELECT * FROM document_request WHERE id = ?", arguments: [db.lastInsertedRowID])!)
            try DossierEvent.record(.documentRequested, dossierId: dossier.id, at: now, actor: actor?.id,
                                    from: dossier.status, to: .awaitingDocuments, text: label, db)
            if let resident = try DossierNotifications.Recipient.account(dossier.accountId, db) {
                try Outbox.enqueue(notifications.documentRequested(request, on: dossier.summary, to: resident), now: now, db)
            }
            return request
        }
    }

    /// The documents asked for on a dossier, for its resident or the agents handling it.
    public func documentRequests(of dossierId: Int64, actor: Account?, now: Date) throws -> [DocumentRequest] {
        try database.pool.read { db in
            let dossier = try Self.visible(id: dossierId, to: actor, now: now, db)
            return try Row.fetchAll(db, sql: "SELECT * FROM document_request WHERE dossierId = ? ORDER BY id", arguments: [dossier.id])
                .map(DocumentRequest.init(row:))
        }
    }

    /// The resident sends a document asked for: a new file, or one they already sent (« Dites-le-nous une fois »).
    public func supply(_ requestId: Int64, upload: Upload?, reusing fileId: Int64?, actor: Account?, now: Date) throws -> DocumentRequest {
        guard let actor = actor?.acting(as: .resident) else { throw DossierError.notFound }
        let (request, dossier) = try database.pool.read { db -> (DocumentRequest, Dossier) in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM document_request WHERE id = ?", arguments: [requestId]) else {
                throw DossierError.notFound
            }
            let request = try DocumentRequest(row: row)
            let dossier = try Self.visible(id: request.dossierId, to: actor, now: now, db)
            guard dossier.accountId == actor.id else { throw DossierError.notFound }
            return (request, dossier)
        }
        guard request.status == .requested else { throw DossierError.documentAlreadySupplied }
        let file: StoredFile
        if let upload, !upload.bytes.isEmpty || !upload.filename.isEmpty {
            file = try files.store(upload.bytes, originalName: upload.filename, owner: actor, allowed: FileKind.allCases,
                                   maximumBytes: Self.defaultMaximumFileBytes, now: now)
        } else if let fileId, let reused = try reusableFiles(of: actor, now: now).first(where: { $0.id == fileId }) {
            file = reused
        } else {
            throw DossierError.documentMissing
        }
        return try database.pool.write { db in
            try db.execute(
                sql: "UPDATE document_request SET status = ?, fileId = ?, updatedAt = ? WHERE id = ? AND status = ?",
                arguments: [DocumentRequest.Status.supplied.rawValue, file.id, now, request.id, DocumentRequest.Status.requested.rawValue])
            guard db.changesCount == 1 else { throw DossierError.documentAlreadySupplied }
            try db.execute(sql: "INSERT OR IGNORE INTO dossier_file (dossierId, fileId) VALUES (?, ?)", arguments: [dossier.id, file.id])
            try DossierEvent.record(.documentSupplied, dossierId: dossier.id, at: now, actor: actor.id, text: request.label,
                                    adviser: actor.franceServicesAdviser, db)
            if let organisation = dossier.organisationId {
                for agent in try DossierNotifications.Recipient.agents(of: organisation, db) {
                    try Outbox.enqueue(notifications.documentSupplied(request, on: dossier.summary, to: agent), now: now, db)
                }
            }
            return try DocumentRequest(row: try Row.fetchOne(db, sql: "SELECT * FROM document_request WHERE id = ?", arguments: [request.id])!)
        }
    }

    /// The agent accepts a document sent, or refuses it with a reason (the resident sends
    /// another). When every document asked for is accepted, the dossier goes back to review.
    /// A reason breaking the rule of multi-line fields throws its ``TypedText/Problem``.
    public func review(_ requestId: Int64, accept: Bool, reason: String?, actor: Account?, now: Date) throws -> Dossier {
        guard actor?.acting(as: .agent) != nil else { throw DossierError.notFound }
        let reason = try accept ? nil : TypedText.multiLine(reason ?? "", subject: "Le motif du refus")
        if !accept, reason?.isEmpty ?? true { throw DossierError.reasonRequired }
        return try database.pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM document_request WHERE id = ?", arguments: [requestId]) else {
                throw DossierError.notFound
            }
            let request = try DocumentRequest(row: row)
            let dossier = try Self.visible(id: request.dossierId, to: actor, now: now, db)
            guard request.status == .supplied else { throw DossierError.documentNotSupplied }
            if accept {
                try db.execute(sql: "UPDATE document_request SET status = ?, refusalReason = NULL, updatedAt = ? WHERE id = ?",
                               arguments: [DocumentRequest.Status.accepted.rawValue, now, request.id])
            } else {
                try db.execute(sql: "UPDATE document_request SET status = ?, fileId = NULL, refusalReason = ?, updatedAt = ? WHERE id = ?",
                               arguments: [DocumentRequest.Status.requested.rawValue, reason, now, request.id])
            }
            try DossierEvent.record(accept ? .documentAccepted : .documentRefused, dossierId: dossier.id, at: now, actor: actor?.id,
                                    text: accept ? request.label : "\(request.label) : \(reason ?? "")", db)
            let waiting = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM document_request WHERE dossierId = ? AND status != ?",
                arguments: [dossier.id, DocumentRequest.Status.accepted.rawValue]) ?? 0
            if waiting == 0, dossier.status == .awaitingDocuments {
                try db.execute(sql: "UPDATE dossier SET status = ?, updatedAt = ? WHERE id = ?",
                               arguments: [DossierStatus.inReview.rawValue, now, dossier.id])
                try DossierEvent.record(.statusChanged, dossierId: dossier.id, at: now, actor: actor?.id,
                                        from: .awaitingDocuments, to: .inReview, db)
            }
            let updated = try Dossier.fetch(id: dossier.id, db)!
            if !accept || waiting == 0, let resident = try DossierNotifications.Recipient.account(dossier.accountId, db) {
                try Outbox.enqueue(accept ? notifications.statusChanged(updated.summary, to: resident)
                                          : notifications.documentRequested(request, on: updated.summary, to: resident), now: now, db)
            }
            return updated
        }
    }

    /// The documents a resident already sent in the last year, and their household's documents still valid,
    /// offered instead of sending them again (« Dites-le-nous une fois »).
    public func reusableFiles(of actor: Account?, now: Date) throws -> [StoredFile] {
        guard let actor = actor?.acting(as: .resident) else { throw DossierError.notFound }
        return try database.pool.read { db in
            // Their own files of the last year (one per content), and their household's documents still valid.
            try Row.fetchAll(
                db, sql: """
                    SELECT * FROM stored_file WHERE id IN (
                        SELECT MAX(id) FROM stored_file WHERE ownerAccountId = ? AND createdAt > ? GROUP BY sha256
                        UNION
                        SELECT household_document.fileId FROM household_document
                        JOIN household_member ON household_member.householdId = household_document.householdId
                        WHERE household_member.accountId = ?
                          AND (household_document.validUntil IS NULL OR household_document.validUntil >= ?))
                    ORDER BY createdAt DESC LIMIT 50
                    """,
                arguments: [actor.id, now.addingTimeInterval(-365 * 24 * 3600), actor.id, CalendarDay(now).iso]
            ).map(StoredFile.init(row:))
        }
    }

    /// For the dashboard: the documents the resident still has to send, with their dossier.
    public func pendingDocumentRequests(of actor: Account?, now: Date) throws -> [(DocumentRequest, DossierSummary)] {
        guard let actor = actor?.acting(as: .resident) else { throw DossierError.notFound }
        return try database.pool.read { db in try Self.pendingDocumentRequests(ofResident: actor.id, db) }
    }

    static func pendingDocumentRequests(ofResident id: Int64, _ db: Database) throws -> [(DocumentRequest, DossierSummary)] {
        let requests = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT document_request.* FROM document_request JOIN dossier ON dossier.id = document_request.dossierId
                WHERE dossier.accountId = ? AND document_request.status = ? ORDER BY document_request.dueOn
                """),
            arguments: [id, DocumentRequest.Status.requested.rawValue]
        ).map(DocumentRequest.init(row:))
        return try requests.map { request in
            let dossier = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(DossierSummary.columns) FROM dossier WHERE id = ?"),
                                           arguments: [request.dossierId]).map(DossierSummary.init(row:))
            guard let dossier else { throw DossierError.notFound }
            return (request, dossier)
        }
    }
}
