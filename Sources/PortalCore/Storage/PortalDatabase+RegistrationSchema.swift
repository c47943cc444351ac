import GRDB

extension PortalDatabase {
    /// Activities (their definitions as JSON, from the seed file) and registrations to them.
    static func createRegistrationTables(_ db: Database) throws {
        try db.create(table: "activity") { t in
            t.primaryKey("id", .text)
            t.column("organisationId", .text).notNull().indexed()
            t.column("definition", .text).notNull()
        }
        try db.create(table: "registration") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("activityId", .text).notNull().references("activity", onDelete: .restrict)
            t.column("householdId", .integer).notNull().indexed().references("household", onDelete: .cascade)
            t.column("memberId", .integer).notNull().references("household_member", onDelete: .cascade)
            t.column("memberName", .text).notNull()
            t.column("status", .text).notNull()
            t.column("refusalReason", .text)
            t.column("invoiceId", .integer).references("invoice", onDelete: .setNull)
            t.column("requestedBy", .integer).notNull().references("account", onDelete: .restrict)
            t.column("createdAt", .datetime).notNull()
            t.column("decidedAt", .datetime)
        }
        try db.create(index: "registration_by_activity", on: "registration", columns: ["activityId", "status", "id"])
        // A member holds one place, or one place in line, per activity.
        try db.execute(sql: """
            CREATE UNIQUE INDEX registration_one_active ON registration(activityId, memberId) WHERE status IN ('confirmee', 'en_attente')
            """)
    }
}
