import Foundation
import PortalCore
import Testing

extension HouseholdTests {
    @Test("A child's names and school are held to one line")
    func childFieldsAreOneLine() throws {
        #expect { try households.addChild(ChildForm(firstName: "Léo\r\nBcc: x", lastName: "Mar\u{0}tin", birthDay: "14", birthMonth: "3",
                                                    birthYear: "2019", school: "École\nAnne de Bretagne"),
                                          actor: fixture.accounts["habitant"], now: now) } throws: { error in
            guard case HouseholdError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["prenom", "nom", "ecole"]
                && errors["prenom"] == "Le prénom doit tenir sur une seule ligne : retirez les retours à la ligne."
                && errors["ecole"] == "Le nom de l'école doit tenir sur une seule ligne : retirez les retours à la ligne."
        }
    }

    @Test("An invitation's address takes no control character")
    func invitationAddressHasNoControlCharacter() throws {
        #expect { try households.invite(email: "lea\u{0}@example.fr", actor: fixture.accounts["habitant"], now: now) } throws: { error in
            guard case HouseholdError.invalid(let errors) = error else { return false }
            return errors["email"] != nil
        }
    }
}

extension RegistrationTests {
    @Test("A registration's refusal reason keeps its lines and refuses control characters")
    func refusalReasonFollowsTheRule() throws {
        let leo = try child("Léo", of: "habitant")
        let registration = try registrations.register("loisirs-test", memberId: leo.id, actor: fixture.accounts["habitant"], now: now)
        let agent = fixture.accounts["agent.enfance"]
        #expect { try registrations.refuse(registration.id, reason: "Complet\u{7}", actor: agent, now: now) } throws: { error in
            (error as? TypedText.Problem)?.message.hasPrefix("Le motif du refus contient un caractère invisible") == true
        }
        let refused = try registrations.refuse(registration.id, reason: "Complet.\r\nListe d'attente close.", actor: agent, now: now)
        #expect(refused.refusalReason == "Complet.\nListe d'attente close.")
    }
}
