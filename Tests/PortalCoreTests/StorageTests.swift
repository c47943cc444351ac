import Foundation
import GRDB
import PortalCore
import Testing

@Suite("Storage")
struct StorageTests {
    @Test("An empty file is migrated and seeded once; reopening it reuses it untouched")
    func migrateAndReopen() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("portal.sqlite").path
        let first = try PortalDatabase(path: path)
        #expect(try first.isReferenceDataLoaded() == false)
        #expect(try first.installReferenceDataIfNeeded(from: TestSupport.fixtureSeed))
        let migrations = try first.pool.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(migrations == ["v1-reference", "v1-accounts", "v1-settings", "v2-dossiers", "v3-dossier-status-counts",
                               "v4-account-contact", "v5-queue-indexes", "v5-draft-reminders", "v6-invoices", "v7-households",
                               "v8-registrations", "v9-france-services", "v10-account-links", "v11-staff-notes", "v12-staff-accounts",
                               "v13-opening-hours", "v14-journal", "v15-memberships", "v16-procedure-publication", "v17-regie-billers", "v18-procedure-former-slugs", "v19-procedure-publication-window"])
        let before = try first.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, * FROM procedure ORDER BY rowid")
        }
        try first.pool.close()

        let second = try PortalDatabase(path: path)
        // The seed folder is not even read: a missing folder is fine.
        let nowhere = URL(fileURLWithPath: "/nonexistent-seed-folder")
        #expect(try second.installReferenceDataIfNeeded(from: nowhere) == false)
        let after = try second.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, * FROM procedure ORDER BY rowid")
        }
        #expect(after == before)
        #expect(try second.isReferenceDataLoaded())
    }

    @Test("The database is in WAL mode with foreign keys on")
    func configuration() throws {
        let database = try TestSupport.database(seed: nil)
        let (journal, foreignKeys) = try database.pool.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == true)
        try database.healthCheck()
    }

    @Test("A secret key is 32 random bytes, created once and kept across restarts")
    func secretKey() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("portal.sqlite").path
        let key = try PortalDatabase(path: path).secretKey(named: "csrf")
        #expect(key.count == 32)
        #expect(try PortalDatabase(path: path).secretKey(named: "csrf") == key)
        #expect(try PortalDatabase(path: path).secretKey(named: "other") != key)
    }

    @Test("Importing reference data replaces the catalogue and keeps accounts")
    func reload() throws {
        let database = try TestSupport.database()
        let accounts = Accounts(database: database, hasher: TestSupport.hasher)
        let form = SignUpForm(email: "marie@example.fr", password: "une longue phrase secrète",
                              displayName: "Marie Petit", communeInsee: "37123")
        let account = try accounts.signUp(form, now: TestSupport.now)
        let corrected = try TestSupport.brokenSeed(ReferenceData.FileName.procedures) {
            $0.replacingOccurrences(of: "Demander un acte de naissance", with: "Obtenir un acte de naissance")
        }
        _ = try database.importReferenceData(from: corrected, apply: true, now: TestSupport.now)
        let catalogue = try Catalogue(database: database)
        #expect(catalogue.procedure(slug: "acte-de-naissance")?.title == "Obtenir un acte de naissance")
        #expect(try catalogue.search("obtenir naissance", commune: nil).first?.slug == "acte-de-naissance")
        #expect(try accounts.account(id: account.id) == account)
    }

    @Test("Importing refuses data that drops the commune of an account, and changes nothing")
    func reloadRefused() throws {
        let database = try TestSupport.database()
        let accounts = Accounts(database: database, hasher: TestSupport.hasher)
        _ = try accounts.signUp(
            SignUpForm(email: "paul@example.fr", password: "une longue phrase secrète",
                       displayName: "Paul Roy", communeInsee: "37232"),
            now: TestSupport.now)
        let withoutCoteaux = try TestSupport.brokenSeed(ReferenceData.FileName.communes) { text in
            text.split(separator: "\n").filter { !$0.hasPrefix("37232") }.joined(separator: "\n")
        }
        // The fixture's organisations still name mairie-37232, so remove it too.
        let organisations = withoutCoteaux.appendingPathComponent(ReferenceData.FileName.organisations)
        let text = try String(contentsOf: organisations, encoding: .utf8)
        var json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        json["organisations"] = (json["organisations"] as! [[String: Any]]).filter { $0["id"] as? String != "mairie-37232" }
        try JSONSerialization.data(withJSONObject: json).write(to: organisations)

        #expect(throws: ReferenceDataError.self) { try database.importReferenceData(from: withoutCoteaux, apply: true, now: TestSupport.now) }
        #expect(try Catalogue(database: database).commune(insee: "37232")?.name == "Coteaux-sur-Loire")
    }
}
