import Foundation
@testable import PortalCore
import Testing

/// An activity's places and registration window, kept in the administration: a confirmed
/// registration is never dropped, a place added goes to the first waiting, registrations open and close.
@Suite struct ActivitySettingsTests {
    let base: RegistrationTests

    init() throws { base = try RegistrationTests() }

    var admin: Account? { base.fixture.accounts["admin"] }

    func form(_ change: (inout ActivityForm) -> Void) throws -> ActivityForm {
        var form = ActivityForm(try base.registrations.activityToEdit("loisirs-test", actor: admin).activity)
        change(&form)
        return form
    }

    @Test func placesNeverDropAConfirmedRegistrationAndAnAddedOneGoesToTheFirstWaiting() throws {
        let camille = base.fixture.accounts["habitant"]
        for name in ["Léo", "Zoé", "Noé"] {
            _ = try base.registrations.register("loisirs-test", memberId: try base.child(name, of: "habitant").id, actor: camille, now: base.now)
        }
        #expect(try base.registrations.activityToEdit("loisirs-test", actor: admin).confirmed == 2)
        do {
            _ = try base.registrations.update(activity: "loisirs-test", with: try form { $0.capacity = "1" }, by: admin, now: base.now)
            Issue.record("a confirmed registration would be dropped")
        } catch let errors as ValidationErrors {
            #expect(errors["capacity"] == "Impossible de passer à 1 place : 2 inscriptions sont déjà confirmées. Gardez au moins 2 places, ou annulez d'abord des inscriptions.")
        }
        _ = try base.registrations.update(activity: "loisirs-test", with: try form { $0.capacity = "3" }, by: admin, now: base.now)
        let after = try base.registrations.activityToEdit("loisirs-test", actor: admin)
        #expect(after.confirmed == 3)
        #expect(after.waiting == 0, "the one waiting got the new place")
    }

    @Test func registrationsCloseAndOpenFromToday() throws {
        try base.registrations.setRegistrations(open: false, activity: "loisirs-test", by: admin, now: base.now)
        #expect(try !base.registrations.activityToEdit("loisirs-test", actor: admin).activity.isOpen(on: CalendarDay(base.now)))
        try base.registrations.setRegistrations(open: true, activity: "loisirs-test", by: admin, now: base.now)
        #expect(try base.registrations.activityToEdit("loisirs-test", actor: admin).activity.isOpen(on: CalendarDay(base.now)))
    }

    @Test func datesAreCheckedAndOthersMayNotChangeAnActivity() throws {
        do {
            _ = try base.registrations.update(activity: "loisirs-test", with: try form { $0.closesOn = "01/01/2026"; $0.startsOn = "demain" },
                                              by: admin, now: base.now)
            Issue.record("saved")
        } catch let errors as ValidationErrors {
            #expect(errors.errors.map(\.field) == ["startsOn", "closesOn"])
        }
        for login in ["agent.enfance", "habitant", "conseiller"] {
            #expect(throws: AccessError.notFound) { try base.registrations.activityToEdit("loisirs-test", actor: base.fixture.accounts[login]) }
        }
    }
}
