import Foundation
@testable import PortalCore
import Testing

extension RegistrationTests {
    @Test("Agents read how full their activities are, and each registration with the child's birth date and the adult who registered")
    func rosters() throws {
        let camille = fixture.accounts["habitant"], lea = fixture.accounts["habitante.bourgueil"], agent = fixture.accounts["agent.enfance"]
        let leo = try child("Léo", of: "habitant", born: (14, 3, 2019)), zoe = try child("Zoé", of: "habitante.bourgueil")
        let tom = try child("Tom", of: "habitant", born: (2, 2, 2018))
        for (member, actor) in [(leo, camille), (zoe, lea), (tom, camille)] {
            _ = try registrations.register("loisirs-test", memberId: member.id, actor: actor, now: now)
        }
        #expect(try registrations.occupancy(of: agent).map { [$0.activity.id, "\($0.confirmed)", "\($0.waiting)"] } == [["loisirs-test", "2", "1"]])
        #expect(try registrations.occupancy(of: fixture.accounts["agent.langeais"]).map { [$0.activity.id, "\($0.confirmed)"] } == [["cantine-test", "0"]])
        let (activity, entries) = try registrations.roster(of: "loisirs-test", actor: agent)
        #expect(activity.id == "loisirs-test")
        #expect(entries.map(\.registration.memberName) == ["Léo Famille", "Zoé Famille", "Tom Famille"], "confirmed by name, then waiting")
        #expect(entries.first?.member.birthDate == CalendarDay(year: 2019, month: 3, day: 14))
        #expect(entries.map(\.adultEmail) == ["habitant@demo.cctoval.fr", "habitante.bourgueil@demo.cctoval.fr", "habitant@demo.cctoval.fr"])
        #expect(entries.first?.adultName == camille?.displayName)
        for outsider in [fixture.accounts["agent.langeais"], camille] {
            #expect(throws: RegistrationError.notFound) { try registrations.roster(of: "loisirs-test", actor: outsider) }
        }
        #expect(throws: RegistrationError.notFound) { try registrations.occupancy(of: camille) }
    }
}
