import GRDB

extension PortalDatabase {
    /// Silence rules of procedures, form definitions (versioned), dossiers, their timelines and
    /// files, and the mail outbox.
    ///
    /// Dossiers name their procedure by slug and keep its title as filed, without a foreign
    /// key: the reference data can be reloaded without touching them. Every listing query
    /// (a resident's dossiers, an organisation's queue) has its index.
    static func createDossierTables(_ db: Database) throws {
        // What silence means for each procedure's requests (see SilenceRule).
        try db.alter(table: "procedure") { t in
            t.add(column: "silenceOutcome", .text).notNull().defaults(to: SilenceRule.default.outcome.rawValue)
            t.add(column: "silenceMonths", .integer).notNull().defaults(to: SilenceRule.default.months)
        }
        try db.create(table: "form_definition") { t in
            t.column("procedureSlug", .text).notNull()
            t.column("version", .integer).notNull()
            t.column("definition", .text).notNull()
            t.column("publishedAt", .datetime).notNull()
            t.primaryKey(["procedureSlug", "version"])
        }
        try db.create(table: "dossier") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("reference", .text).notNull().unique()
            t.column("procedureSlug", .text).notNull()
            t.column("procedureTitle", .text).notNull()
            t.column("formVersion", .integer).notNull()
            t.column("accountId", .integer).notNull().references("account", onDelete: .restrict)
            t.column("communeInsee", .text).notNull()
            t.column("organisationId", .text)
            t.column("status", .text).notNull()
            t.column("answers", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("filedAt", .datetime)
            t.column("decisionDueAt", .datetime)
            t.column("draftExpiresAt", .datetime)
            t.column("assignedAgentId", .integer).references("account", onDelete: .setNull)
        }
        try db.create(index: "dossier_by_account", on: "dossier", columns: ["accountId", "status", "updatedAt"])
        try db.create(index: "dossier_by_organisation", on: "dossier", columns: ["organisationId", "status", "filedAt"])
        try db.create(index: "dossier_by_assignee", on: "dossier", columns: ["organisationId", "assignedAgentId", "status"])
        try db.create(index: "dossier_by_due_date", on: "dossier", columns: ["organisationId", "decisionDueAt"])
        try db.create(index: "dossier_draft_expiry", on: "dossier", columns: ["draftExpiresAt"])
        // Uploaded files: the bytes live on disk under their SHA-256; who may read them is here.
        try db.create(table: "stored_file") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sha256", .text).notNull()
            t.column("byteCount", .integer).notNull()
            t.column("contentType", .text).notNull()
            t.column("originalName", .text).notNull()
            t.column("ownerAccountId", .integer).notNull().indexed().references("account", onDelete: .cascade)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "dossier_event") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("dossierId", .integer).notNull().references("dossier", onDelete: .cascade)
            t.column("kind", .text).notNull()
            t.column("at", .datetime).notNull()
            t.column("actorAccountId", .integer).references("account", onDelete: .setNull)
            t.column("fromStatus", .text)
            t.column("toStatus", .text)
            t.column("text", .text)
            t.column("internal", .boolean).notNull().defaults(to: false)
            t.column("fileId", .integer).references("stored_file", onDelete: .restrict)
        }
        try db.create(index: "dossier_event_by_dossier", on: "dossier_event", columns: ["dossierId", "at"])
        try db.create(table: "dossier_file") { t in
            t.column("dossierId", .integer).notNull().references("dossier", onDelete: .cascade)
            t.column("fileId", .integer).notNull().indexed().references("stored_file", onDelete: .restrict)
            t.primaryKey(["dossierId", "fileId"])
        }
        // Missing documents an agent asked for, each supplied, then accepted or refused.
        try db.create(table: "document_request") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("dossierId", .integer).notNull().indexed().references("dossier", onDelete: .cascade)
            t.column("label", .text).notNull()
            t.column("explanation", .text).notNull()
            t.column("dueOn", .text).notNull()
            t.column("status", .text).notNull()
            t.column("fileId", .integer).references("stored_file", onDelete: .restrict)
            t.column("refusalReason", .text)
            t.column("requestedAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        // E-mails waiting to be delivered, written in the same transaction as what they announce.
        try db.create(table: "outbox_message") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("recipient", .text).notNull()
            t.column("subject", .text).notNull()
            t.column("textBody", .text).notNull()
            t.column("htmlBody", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("nextAttemptAt", .datetime).notNull()
            t.column("sentAt", .datetime)
            t.column("lastError", .text)
        }
        try db.create(index: "outbox_message_due", on: "outbox_message", columns: ["sentAt", "nextAttemptAt"])
    }
}
