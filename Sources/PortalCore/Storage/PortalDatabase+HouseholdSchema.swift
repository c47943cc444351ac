import GRDB

extension PortalDatabase {
    /// Households: their members (adults with their account, children), invitations to join,
    /// and the supporting documents kept for the services.
    static func createHouseholdTables(_ db: Database) throws {
        try db.create(table: "household") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "household_member") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("householdId", .integer).notNull().indexed().references("household", onDelete: .cascade)
            t.column("kind", .text).notNull()
            // An adult's account belongs to one household at most.
            t.column("accountId", .integer).unique().references("account", onDelete: .cascade)
            t.column("firstName", .text).notNull()
            t.column("lastName", .text).notNull()
            t.column("birthDate", .text)
            t.column("school", .text)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "household_invitation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("householdId", .integer).notNull().indexed().references("household", onDelete: .cascade)
            t.column("email", .text).notNull()
            t.column("tokenDigest", .blob).notNull().unique()
            t.column("invitedBy", .integer).references("account", onDelete: .setNull)
            t.column("createdAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
            t.column("acceptedAt", .datetime)
        }
        try db.create(table: "household_document") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("householdId", .integer).notNull().indexed().references("household", onDelete: .cascade)
            t.column("memberId", .integer).references("household_member", onDelete: .setNull)
            t.column("kind", .text).notNull()
            t.column("fileId", .integer).notNull().references("stored_file", onDelete: .restrict)
            t.column("issuedOn", .text).notNull()
            t.column("validUntil", .text)
            t.column("familyQuotient", .integer)
            t.column("addedBy", .integer).references("account", onDelete: .setNull)
            t.column("createdAt", .datetime).notNull()
        }
    }
}
