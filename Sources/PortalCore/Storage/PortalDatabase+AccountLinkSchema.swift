import GRDB

extension PortalDatabase {
    /// One-time links e-mailed to an account: a first administrator's activation (later, staff
    /// invitations and password resets). Only a digest of the token is kept.
    static func createAccountLinkTable(_ db: Database) throws {
        try db.create(table: "account_link") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("accountId", .integer).notNull().indexed().references("account", onDelete: .cascade)
            t.column("purpose", .text).notNull()
            t.column("tokenDigest", .blob).notNull().unique()
            t.column("createdAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
            t.column("usedAt", .datetime)
            // Set when a newer link of the same purpose replaced it.
            t.column("voidedAt", .datetime)
        }
    }
}
