import GRDB

extension PortalDatabase {
    /// The schema, one migration per step. Never edit a published migration:
    /// append a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-reference", migrate: createReferenceTables)
        migrator.registerMigration("v1-accounts", migrate: createAccountTables)
        migrator.registerMigration("v1-settings") { db in
            try db.create(table: "setting") { t in
                t.primaryKey("name", .text)
                t.column("value", .blob).notNull()
            }
        }
        migrator.registerMigration("v2-dossiers", migrate: createDossierTables)
        migrator.registerMigration("v3-dossier-status-counts", migrate: createDossierStatusCounts)
        migrator.registerMigration("v4-account-contact", migrate: addAccountContact)
        migrator.registerMigration("v5-queue-indexes", migrate: createQueueIndexes)
        migrator.registerMigration("v5-draft-reminders") { db in
            // When the owner of a draft was last told it would expire (see `remindExpiringDrafts`).
            try db.alter(table: "dossier") { t in t.add(column: "draftRemindedAt", .datetime) }
        }
        migrator.registerMigration("v6-invoices", migrate: createInvoiceTables)
        migrator.registerMigration("v7-households", migrate: createHouseholdTables)
        migrator.registerMigration("v8-registrations", migrate: createRegistrationTables)
        migrator.registerMigration("v9-france-services", migrate: createFranceServicesTables)
        migrator.registerMigration("v10-account-links", migrate: createAccountLinkTable)
        migrator.registerMigration("v11-staff-notes") { db in
            // What the team must still check about an entry, kept out of its public text.
            for table in ["organisation", "procedure"] {
                try db.alter(table: table) { t in t.add(column: "staffNote", .text) }
            }
        }
        migrator.registerMigration("v12-staff-accounts") { db in
            // When each account last opened a session, and when a staff account was deactivated.
            try db.alter(table: "account") { t in
                t.add(column: "lastLogInAt", .datetime)
                t.add(column: "deactivatedAt", .datetime)
            }
        }
        migrator.registerMigration("v13-opening-hours", migrate: structureOpeningHours)
        migrator.registerMigration("v14-journal") { db in
            // The administration journal (``JournalEntry``): every change made in /admin.
            try db.create(table: "journal_entry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actorId", .integer) // no foreign key: the journal outlives what it names
                t.column("actorName", .text).notNull()
                t.column("action", .text).notNull()
                t.column("objectKind", .text).notNull()
                t.column("objectId", .text).notNull()
                t.column("organisationId", .text)
                t.column("summary", .text).notNull()
                t.column("before", .text)
                t.column("after", .text)
            }
            try db.create(index: "journal_entry_on_at", on: "journal_entry", columns: ["at"])
        }
        migrator.registerMigration("v15-memberships") { db in
            // Every organisation a staff account belongs to (a secrétaire de mairie may serve several
            // communes); `account.organisationId` stays the first of them.
            try db.create(table: "account_organisation") { t in
                t.column("accountId", .integer).notNull().references("account", onDelete: .cascade)
                t.column("organisationId", .text).notNull().references("organisation", deferred: true)
                t.primaryKey(["accountId", "organisationId"])
            }
            try db.create(index: "account_organisation_on_organisation", on: "account_organisation", columns: ["organisationId"])
            try db.execute(sql: """
                INSERT INTO account_organisation (accountId, organisationId)
                SELECT id, organisationId FROM account WHERE organisationId IS NOT NULL AND role IN ('agent', 'france_services')
                """)
        }
        migrator.registerMigration("v16-procedure-publication") { db in
            // A procedure an administrator took off the public pages; its dossiers keep working.
            try db.alter(table: "procedure") { t in t.add(column: "published", .boolean).notNull().defaults(to: true) }
        }
        migrator.registerMigration("v17-regie-billers") { db in
            // The agents who may bill in a régie; a régie naming none lets every agent of its organisation.
            try db.create(table: "regie_biller") { t in
                t.column("regieId", .text).notNull().references("regie", onDelete: .cascade)
                t.column("accountId", .integer).notNull().references("account", onDelete: .cascade)
                t.primaryKey(["regieId", "accountId"])
            }
        }
        migrator.registerMigration("v18-procedure-former-slugs") { db in
            // The addresses a procedure had before an administrator changed it; they redirect to it.
            try db.alter(table: "procedure") { t in t.add(column: "formerSlugs", .text).notNull().defaults(to: "[]") }
        }
        migrator.registerMigration("v19-procedure-publication-window") { db in
            // The first and last days residents see a seasonal procedure (`AAAA-MM-JJ`), both included.
            try db.alter(table: "procedure") { t in
                t.add(column: "publishedFrom", .text)
                t.add(column: "publishedUntil", .text)
            }
        }
        return migrator
    }

    /// Opening hours were lines of free text; they become ``OpeningHours``, each old line kept as a
    /// note until an administrator enters the periods.
    private static func structureOpeningHours(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, openingHours FROM organisation") {
            let lines: [String] = try JSONList.decode(row["openingHours"])
            let hours = try OpeningHours(notes: lines)
            try db.execute(sql: "UPDATE organisation SET openingHours = ? WHERE id = ?",
                           arguments: [try StoredJSON.encode(hours), row["id"] as String])
        }
    }

    /// Communes, organisations, catalogue and its full-text index. Lists are
    /// JSON-encoded text; foreign keys are deferred so that the reference
    /// tables can be replaced in one transaction.
    private static func createReferenceTables(_ db: Database) throws {
        try db.create(table: "commune") { t in
            t.primaryKey("insee", .text)
            t.column("name", .text).notNull()
            t.column("postalCodes", .text).notNull()
            t.column("siren", .text).notNull()
            t.column("population", .integer).notNull()
            t.column("mairieId", .text).notNull()
            t.column("position", .integer).notNull()
        }
        try db.create(table: "organisation") { t in
            t.primaryKey("id", .text)
            t.column("kind", .text).notNull()
            t.column("name", .text).notNull()
            t.column("shortName", .text)
            t.column("parentId", .text).references("organisation", deferred: true)
            t.column("communeInsee", .text).references("commune", deferred: true)
            for column in ["address", "postalCode", "city", "phone", "email", "website"] {
                t.column(column, .text)
            }
            t.column("openingHours", .text).notNull()
            t.column("description", .text)
            t.column("demoContact", .boolean).notNull()
            t.column("position", .integer).notNull()
        }
        try db.create(table: "category") { t in
            t.primaryKey("id", .text)
            t.column("title", .text).notNull()
            t.column("description", .text)
            t.column("icon", .text)
            t.column("position", .integer).notNull()
        }
        try db.create(table: "procedure") { t in
            t.primaryKey("slug", .text)
            t.column("title", .text).notNull()
            t.column("categoryId", .text).notNull().references("category", deferred: true)
            t.column("summary", .text).notNull()
            t.column("description", .text)
            t.column("synonyms", .text).notNull()
            t.column("documents", .text).notNull()
            t.column("cost", .text)
            t.column("delay", .text)
            t.column("channels", .text).notNull()
            t.column("onlineURL", .text)
            t.column("howTo", .text)
            t.column("popular", .boolean).notNull()
            t.column("handlerType", .text).notNull()
            t.column("handlerOrganisationId", .text).references("organisation", deferred: true)
            t.column("counters", .text).notNull()
            t.column("position", .integer).notNull()
        }
        try db.create(table: "procedure_exception") { t in
            t.column("procedureSlug", .text).notNull()
                .references("procedure", onDelete: .cascade, deferred: true)
            t.column("communeInsee", .text).notNull().references("commune", deferred: true)
            t.column("type", .text).notNull()
            t.column("organisationId", .text).references("organisation", deferred: true)
            t.column("note", .text)
            t.primaryKey(["procedureSlug", "communeInsee"])
        }
        try db.create(virtualTable: "procedure_search", using: FTS5()) { t in
            t.tokenizer = .unicode61(diacritics: .remove)
            t.column("slug").notIndexed()
            t.column("title")
            t.column("synonyms")
            t.column("body")
        }
    }

    /// Accounts, sessions (only token digests) and failed log-ins for throttling.
    private static func createAccountTables(_ db: Database) throws {
        try db.create(table: "account") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("email", .text).notNull().unique().collate(.nocase)
            t.column("displayName", .text).notNull()
            t.column("communeInsee", .text).references("commune", deferred: true)
            t.column("role", .text).notNull()
            t.column("organisationId", .text).references("organisation", deferred: true)
            t.column("passwordHash", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "session") { t in
            t.primaryKey("tokenDigest", .blob)
            t.column("accountId", .integer).notNull().indexed()
                .references("account", onDelete: .cascade)
            t.column("createdAt", .datetime).notNull()
            t.column("lastSeenAt", .datetime).notNull()
        }
        try db.create(table: "login_failure") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("email", .text).notNull().collate(.nocase)
            t.column("remoteAddress", .text).notNull()
            t.column("failedAt", .datetime).notNull()
        }
        try db.create(index: "login_failure_email", on: "login_failure", columns: ["email", "failedAt"])
        try db.create(index: "login_failure_address", on: "login_failure", columns: ["remoteAddress", "failedAt"])
    }

    /// A person's optional contact details, which pre-fill their forms: a phone number
    /// (normalised, `02 47 12 34 56`), a postal address (all three parts or none), and when
    /// they were last saved.
    private static func addAccountContact(_ db: Database) throws {
        try db.alter(table: "account") { t in
            t.add(column: "phone", .text)
            t.add(column: "addressStreet", .text)
            t.add(column: "addressPostalCode", .text)
            t.add(column: "addressCity", .text)
            t.add(column: "profileUpdatedAt", .datetime)
        }
    }
}
