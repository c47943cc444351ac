import Foundation
import PortalCore
import Testing

@Suite("Demo data: sample dossiers through the real forms")
struct DemoDossiersTests {
    @Test("Each demo resident and service has dossiers to show, added once")
    func install() throws {
        let database = try TestSupport.database(seed: TestSupport.realSeed)
        _ = try DemoData.install(into: database, hasher: TestSupport.hasher)
        let catalogue = try Catalogue(database: database)
        try FormSeed.publish(from: TestSupport.realSeed.appendingPathComponent("forms"), catalogue: catalogue,
                             store: FormStore(database: database), now: TestSupport.now)
        let dossiers = try Dossiers(database: database, catalogue: catalogue, links: TestLinks())
        #expect(try DemoDossiers.install(into: dossiers, now: TestSupport.now) == 4)
        #expect(try DemoDossiers.install(into: dossiers, now: TestSupport.now) == 0)

        let logIns = Accounts(database: database, hasher: TestSupport.hasher)
        func account(_ login: String) throws -> Account? {
            guard case .success(let account, _) = try logIns.logIn(
                email: "\(login)@demo.cctoval.fr", password: DemoData.password, remoteAddress: "192.0.2.7", now: TestSupport.now) else { return nil }
            return account
        }
        let resident = try account("habitant")
        let mine = try dossiers.dossiers(of: resident, now: TestSupport.now)
        #expect(Set(mine.map(\.status)) == [.inReview, .awaitingDocuments, .draft])
        #expect(try dossiers.pendingDocumentRequests(of: resident, now: TestSupport.now).count == 1)
        #expect(try dossiers.queue(QueueFilter(), actor: try account("agent.langeais"), now: TestSupport.now).total == 1)
        #expect(try dossiers.queue(QueueFilter(), actor: try account("agent.dechets"), now: TestSupport.now).total == 1)
        #expect(try dossiers.queue(QueueFilter(), actor: try account("agent.bourgueil"), now: TestSupport.now).total == 1)
    }
}
