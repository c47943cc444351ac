import Foundation
import GRDB
import PortalCore
import Testing

// The subjects of e-mails carry no text typed by anyone but their recipient.

extension HouseholdTests {
    @Test("The invitation's subject carries nothing the inviter typed: their name is in the body only")
    func invitationSubjectIsThePortals() throws {
        let camille = try #require(fixture.accounts["habitant"])
        // A name stored before names were held to one line still cannot reach a header.
        try fixture.database.pool.write { db in
            try db.execute(sql: "UPDATE account SET displayName = ? WHERE id = ?", arguments: ["Camille\r\nBcc: victime@example.fr", camille.id])
        }
        let renamed = try #require(try Accounts(database: fixture.database).account(id: camille.id))
        try households.invite(email: "lea.roux@example.fr", actor: renamed, now: now)
        let message = try #require(try fixture.outbox.due(now: now).last?.message)
        #expect(message.recipient == "lea.roux@example.fr")
        #expect(message.subject == "Invitation à partager un foyer sur le portail de la CCTOVAL")
        #expect(message.textBody.contains("Camille"), "the body says who invites")
        let head = MailFormat.render(message, from: "Portail <p@example.fr>", date: now, messageID: "1.2@example.fr")
            .components(separatedBy: "\r\n\r\n")[0]
        #expect(!head.contains("Camille"))
        #expect(!head.lowercased().contains("bcc"))
    }
}

extension RegistrationTests {
    @Test("A registration's e-mail names the activity in its subject; the child, whom the other adult may have typed, is in the body")
    func registrationSubjectIsTheActivitys() throws {
        let leo = try child("Léo", of: "habitant")
        _ = try registrations.register("cantine-test", memberId: leo.id, actor: fixture.accounts["habitant"], now: now)
        let message = try #require(try fixture.outbox.due(now: now).last?.message)
        #expect(message.subject == "Inscription à « Restauration scolaire » : confirmée")
        #expect(message.textBody.contains("Léo Famille"))
    }
}
