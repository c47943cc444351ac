import GRDB

extension PortalDatabase {
    /// The France Services counter: residents' birth dates (to find them), the codes residents
    /// choose their password with, mandates and their consent codes, and the journal.
    static func createFranceServicesTables(_ db: Database) throws {
        try db.alter(table: "account") { t in t.add(column: "birthDate", .text) }
        // Where a dossier was filed ("en_ligne", "guichet"), and the adviser behind an event.
        try db.alter(table: "dossier") { t in t.add(column: "channel", .text).notNull().defaults(to: "en_ligne") }
        try db.alter(table: "dossier_event") { t in t.add(column: "adviserAccountId", .integer).references("account", onDelete: .setNull) }
        try db.create(index: "account_by_birth_date", on: "account", columns: ["birthDate"])
        try db.create(table: "account_activation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("accountId", .integer).notNull().indexed().references("account", onDelete: .cascade)
            t.column("codeDigest", .blob).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
            t.column("usedAt", .datetime)
        }
        try db.create(table: "mandate") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("residentAccountId", .integer).notNull().references("account", onDelete: .cascade)
            t.column("adviserAccountId", .integer).notNull().references("account", onDelete: .restrict)
            t.column("siteId", .text).notNull()
            t.column("families", .text).notNull()
            t.column("consent", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
            t.column("revokedAt", .datetime)
            t.column("revokedBy", .integer).references("account", onDelete: .setNull)
        }
        try db.create(index: "mandate_by_resident", on: "mandate", columns: ["residentAccountId", "siteId", "expiresAt"])
        try db.create(table: "mandate_consent_code") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("residentAccountId", .integer).notNull().indexed().references("account", onDelete: .cascade)
            t.column("adviserAccountId", .integer).notNull().references("account", onDelete: .cascade)
            t.column("codeDigest", .blob).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
            t.column("usedAt", .datetime)
        }
        try db.create(table: "audit_entry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("residentAccountId", .integer).references("account", onDelete: .cascade)
            t.column("adviserAccountId", .integer).notNull().references("account", onDelete: .restrict)
            t.column("siteId", .text).notNull()
            t.column("mandateId", .integer).references("mandate", onDelete: .setNull)
            t.column("action", .text).notNull()
            t.column("detail", .text).notNull()
            t.column("at", .datetime).notNull()
        }
        try db.create(index: "audit_entry_by_resident", on: "audit_entry", columns: ["residentAccountId", "at"])
        try db.create(index: "audit_entry_by_adviser", on: "audit_entry", columns: ["adviserAccountId", "at"])
    }
}
