import Foundation
import GRDB
import PortalCore
import Testing

@Suite("Demo data")
struct DemoDataTests {
    @Test("The nine demo accounts are installed once, log in, and land in their space")
    func install() throws {
        let database = try TestSupport.database()
        let first = try DemoData.install(into: database, hasher: TestSupport.hasher)
        #expect(first.map(\.email) == [
            "habitant@demo.cctoval.fr", "habitante.bourgueil@demo.cctoval.fr", "agent.langeais@demo.cctoval.fr",
            "agent.bourgueil@demo.cctoval.fr", "responsable.bourgueil@demo.cctoval.fr", "agent.enfance@demo.cctoval.fr", "agent.dechets@demo.cctoval.fr",
            "conseiller@demo.cctoval.fr", "admin@demo.cctoval.fr",
        ])
        #expect(first.map(\.home) == [.resident, .resident, .agent, .agent, .agent, .agent, .agent, .franceServices, .admin])
        #expect(first[0].roleLabel == "Habitant — Langeais")
        #expect(first[2].roleLabel == "Agent — Mairie de Langeais")
        let hashes = try database.pool.read { db in try String.fetchAll(db, sql: "SELECT passwordHash FROM account ORDER BY id") }

        let second = try DemoData.install(into: database, hasher: TestSupport.hasher)
        #expect(second == first)
        #expect(try database.pool.read { db in try String.fetchAll(db, sql: "SELECT passwordHash FROM account ORDER BY id") } == hashes)

        let accounts = Accounts(database: database, hasher: TestSupport.hasher)
        let spaces = Spaces(catalogue: try Catalogue(database: database))
        for demo in first {
            let result = try accounts.logIn(email: demo.email, password: "demo-portail-2026", remoteAddress: "127.0.0.1", now: TestSupport.now)
            guard case .success(let account, _) = result else {
                Issue.record("\(demo.email): \(result)")
                continue
            }
            #expect(account.role.home == demo.home)
            #expect(try spaces.overview(of: demo.home, actor: account).actor == account)
        }
    }

    @Test("Demo accounts need their organisations in the reference data")
    func missingOrganisation() throws {
        let seed = try TestSupport.brokenSeed(ReferenceData.FileName.organisations) {
            $0.replacingOccurrences(of: "\"id\": \"france-services-langeais\"", with: "\"id\": \"france-services-langeais-gare\"")
        }
        let database = try TestSupport.database(seed: seed)
        let error = #expect(throws: ReferenceDataError.self) { try DemoData.install(into: database, hasher: TestSupport.hasher) }
        #expect(error?.issues.map(\.description) == [
            "organisations.json, organisation \"france-services-langeais\": missing, needed by the demo account conseiller@demo.cctoval.fr",
        ])
    }
}
