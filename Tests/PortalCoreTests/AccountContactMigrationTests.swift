import Foundation
import GRDB
@testable import PortalCore
import Testing

@Suite("Storage: contact details added to an existing database")
struct AccountContactMigrationTests {
    @Test("A database from before contact details keeps its accounts, which then save a phone and an address")
    func existingDatabase() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("portal.sqlite").path
        let createdAt = TestSupport.now.addingTimeInterval(-86_400)
        do {
            // The schema as it was before "v4-account-contact", with one account in it.
            let pool = try DatabasePool(path: path)
            try PortalDatabase.migrator.migrate(pool, upTo: "v3-dossier-status-counts")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO account (email, displayName, communeInsee, role, organisationId, passwordHash, createdAt)
                    VALUES ('ancien@example.fr', 'Paul Ancien', NULL, 'resident', NULL, 'x', ?)
                    """, arguments: [createdAt])
            }
            try pool.close()
        }

        let database = try PortalDatabase(path: path)
        try database.installReferenceDataIfNeeded(from: TestSupport.fixtureSeed)
        let (migrations, columns) = try database.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try db.columns(in: "account"))
        }
        #expect(migrations.contains("v4-account-contact"))
        for name in ["phone", "addressStreet", "addressPostalCode", "addressCity", "profileUpdatedAt"] {
            let column = try #require(columns.first { $0.name == name }, "\(name)")
            #expect(!column.isNotNull, "\(name) is optional")
        }

        let accounts = Accounts(database: database, hasher: TestSupport.hasher)
        let account = try #require(try database.pool.read { db in try Account.fetch(email: "ancien@example.fr", db) })
        #expect(account.displayName == "Paul Ancien")
        #expect(account.createdAt == createdAt)
        #expect(account.phone == nil && account.address == nil && account.profileUpdatedAt == nil)

        let updated = try accounts.updateProfile(
            ProfileForm(accountId: account.id, displayName: "Paul Ancien", communeInsee: "37123", phone: "0247961250",
                        street: "2 rue Gambetta", postalCode: "37130", city: "Langeais"),
            actor: account, now: TestSupport.now)
        #expect(updated.phone == "02 47 96 12 50")
        #expect(updated.address?.street == "2 rue Gambetta")
        #expect(try accounts.account(id: account.id) == updated)
    }
}
