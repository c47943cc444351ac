import Foundation
import PortalCore
import Testing

extension HouseholdFlowTests {
    @Test func anInvitationsSubjectCarriesNothingTheInviterTyped() throws {
        var camille = try loggedIn("habitant@demo.cctoval.fr")
        let page = try camille.get("/mon-espace/foyer")
        let sent = try camille.post("/mon-espace/foyer/invitation", form: [("_csrf", page.csrfToken ?? ""), ("email", "dominique.roux@example.fr")])
        #expect(sent.status == 303)
        let message = try #require(try Outbox(database: server.database).due(now: Date().addingTimeInterval(60))
            .last { $0.message.recipient == "dominique.roux@example.fr" }?.message)
        #expect(message.subject == "Invitation à partager un foyer sur le portail de la CCTOVAL")
        #expect(!message.subject.contains("Camille"))
        #expect(message.textBody.contains("Camille Martin vous invite à rejoindre son foyer"))
    }
}
