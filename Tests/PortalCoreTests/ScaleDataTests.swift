import Foundation
import GRDB
import PortalCore
import Testing

@Suite("Scale data")
struct ScaleDataTests {
    @Test("Residents are spread by population, share one hash, log in, and a second run adds nothing")
    func installAtReducedScale() throws {
        let database = try TestSupport.database()
        let report = try ScaleData.install(into: database, residents: 500, hasher: TestSupport.hasher, now: TestSupport.now)
        #expect(report.created == 500)
        #expect(report.total == 500)
        // Fixture populations: Langeais 4497 of 13421 inhabitants, Lublé 147.
        #expect(report.perCommune.count == 8)
        #expect(report.perCommune["37123"] == 168)
        #expect(report.perCommune["37137"] == 5)
        #expect(report.perCommune.values.reduce(0, +) == 500)

        let hashes = try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT passwordHash FROM account")
        }
        #expect(hashes.count == 1)

        let accounts = Accounts(database: database, hasher: TestSupport.hasher)
        let result = try accounts.logIn(email: ScaleData.email(resident: 500), password: ScaleData.password,
                                        remoteAddress: "127.0.0.1", now: TestSupport.now)
        guard case .success(let account, _) = result else {
            Issue.record("seeded resident could not log in: \(result)")
            return
        }
        #expect(account.role == .resident)
        #expect(account.communeInsee != nil)

        let again = try ScaleData.install(into: database, residents: 500, hasher: TestSupport.hasher, now: TestSupport.now)
        #expect(again.created == 0)
        #expect(again.total == 500)
        #expect(try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") } == 500)
    }

    @Test("Seeding before the reference data is loaded says so")
    func needsReferenceData() throws {
        let database = try TestSupport.database(seed: nil)
        let error = #expect(throws: ReferenceDataError.self) {
            try ScaleData.install(into: database, residents: 10, hasher: TestSupport.hasher)
        }
        #expect(error?.description.contains("load the reference data first") == true)
    }
}
