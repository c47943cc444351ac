import Foundation
import PortalCore
import Testing

extension HouseholdTests {
    @Test("An invitation's link shows who invites and which address, while it is open")
    func invitationPreview() throws {
        let camille = fixture.accounts["habitant"], lea = fixture.accounts["habitante.bourgueil"]
        let token = try households.invite(email: "habitante.bourgueil@demo.cctoval.fr", actor: camille, now: now)
        let invitation = try households.invitation(token: token, actor: lea, now: now)
        #expect(invitation.inviterName == camille?.displayName)
        #expect(invitation.email == "habitante.bourgueil@demo.cctoval.fr")
        #expect(invitation.householdId == (try households.household(of: camille, now: now).id))
        #expect(invitation.expiresAt == now.addingTimeInterval(Households.invitationLifetime))
        // Whoever follows the link reads it (the page then says when it is not theirs); agents do not.
        #expect(try households.invitation(token: token, actor: camille, now: now).email == invitation.email)
        #expect(throws: HouseholdError.notFound) { try households.invitation(token: token, actor: fixture.accounts["agent.langeais"], now: now) }
        #expect(throws: HouseholdError.invitationInvalid, "expired") {
            try households.invitation(token: token, actor: lea, now: now.addingTimeInterval(15 * 86400))
        }
        #expect(throws: HouseholdError.invitationInvalid, "unknown") { try households.invitation(token: "inconnu", actor: lea, now: now) }
        _ = try households.acceptInvitation(token: token, actor: lea, now: now)
        #expect(throws: HouseholdError.invitationInvalid, "used") { try households.invitation(token: token, actor: lea, now: now) }
    }
}
