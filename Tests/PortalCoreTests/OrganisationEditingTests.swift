import Foundation
import GRDB
@testable import PortalCore
import Testing

/// An administrator keeps an organisation's details current: checked as typed, journaled with
/// the values before and after, seen at once by every copy of the catalogue; nobody else may.
@Suite struct OrganisationEditingTests {
    let database: PortalDatabase
    let catalogue: Catalogue
    let admin: Account

    init() throws {
        database = try TestSupport.database()
        catalogue = try Catalogue(database: database)
        admin = try Accounts(database: database, hasher: TestSupport.hasher).createAdministrator(
            email: "claire.martin@cctoval.fr", name: "Claire Martin", links: TestLinks(), now: TestSupport.now).account
    }

    static let today = CalendarDay(year: 2026, month: 3, day: 1)!

    func form(_ edit: (inout OrganisationForm) -> Void) throws -> OrganisationForm {
        var form = OrganisationForm(try #require(catalogue.organisation(id: "mairie-37123")), today: Self.today)
        edit(&form)
        return form
    }

    @Test func anAdministratorChangesThePhoneAndTheHoursAndEveryCopySeesIt() throws {
        let copy = catalogue
        let version = catalogue.snapshot.version
        let saved = try catalogue.update(organisation: "mairie-37123", with: try form {
            $0.phone = "0247961250"
            $0.week[.monday] = "9 h – 12 h, 14h-17h"
            $0.week[.saturday] = ""
            $0.exceptions = [.init(date: "24/12/2026", hours: "", note: "Veille de Noël")]
        }, by: admin, now: TestSupport.now)
        #expect(saved.phone == "02 47 96 12 50")
        #expect(copy.organisation(id: "mairie-37123") == saved)
        #expect(copy.snapshot.version == version + 1)
        #expect(saved.openingHours.weekLines == ["Lundi : 9 h – 12 h et 14 h – 17 h"])
        #expect(saved.openingHours.today(CalendarDay(year: 2026, month: 12, day: 24)!) == "Fermé aujourd'hui (Veille de Noël)")
        #expect(try Catalogue(database: database).organisation(id: "mairie-37123") == saved, "the database holds it")

        let entry = try #require(try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM journal_entry WHERE action = 'organisation_modifiee'")
        }.map(JournalEntry.init))
        #expect(entry.action == .organisationUpdated)
        #expect(entry.actorId == admin.id)
        #expect(entry.actorName == "Claire Martin")
        #expect(entry.subject == .organisation("mairie-37123"))
        #expect(entry.summary == "Téléphone : 02 47 96 12 50 ; Horaires d'ouverture")
        #expect(entry.before?.contains("\"phone\"") == false, "there was no phone")
        #expect(entry.after?.contains("\"phone\":\"02 47 96 12 50\"") == true)
    }

    @Test func anUnchangedFormWritesNothing() throws {
        _ = try catalogue.update(organisation: "mairie-37123", with: try form { _ in }, by: admin, now: TestSupport.now)
        #expect(try database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal_entry WHERE action = 'organisation_modifiee'")
        } == 0)
        #expect(catalogue.snapshot.version == 0)
    }

    @Test func mistakesAreNamedByFieldAndNothingIsSaved() throws {
        let before = catalogue.organisation(id: "mairie-37123")
        let broken = try form {
            $0.name = "  "
            $0.phone = "12 34"
            $0.postalCode = "3713"
            $0.website = "langeais.fr"
            $0.email = "mairie@"
            $0.week[.monday] = "9h-12h, 11h-13h"
            $0.week[.tuesday] = "le matin"
            $0.exceptions = [.init(date: "31/02/2026"), .init(date: "24/12/2026", hours: "9h-25h")]
        }
        do {
            _ = try catalogue.update(organisation: "mairie-37123", with: broken, by: admin, now: TestSupport.now)
            Issue.record("saved")
        } catch let errors as ValidationErrors {
            #expect(errors.errors.map(\.field) == ["name", "postalCode", "phone", "email", "website", "hours-monday",
                                                   "hours-tuesday", "exception-0-date", "exception-1-hours"])
            #expect(errors["hours-tuesday"] == "Mardi : « le matin » n'est pas une plage horaire. Écrivez par exemple 9 h – 12 h 30, 13 h 30 – 17 h.")
            #expect(errors["hours-monday"] == "Lundi : deux plages horaires se chevauchent. Corrigez-les pour qu'elles se suivent.")
        }
        #expect(catalogue.organisation(id: "mairie-37123") == before)
    }

    @Test func aRemovedExceptionGoesAndAPastOneIsNotOffered() throws {
        _ = try catalogue.update(organisation: "mairie-37123", with: try form {
            $0.exceptions = [.init(date: "2026-02-10", note: "Passée"), .init(date: "2026-05-08", note: "Pont")]
        }, by: admin, now: TestSupport.now)
        let shown = try form { _ in }
        #expect(shown.exceptions.map(\.note) == ["Pont"], "the form starts from today")
        _ = try catalogue.update(organisation: "mairie-37123", with: try form { $0.exceptions[0].removed = true },
                                 by: admin, now: TestSupport.now)
        #expect(catalogue.organisation(id: "mairie-37123")?.openingHours.exceptions.isEmpty == true)
    }

    @Test func onlyAnAdministratorMayEdit() throws {
        let resident = PermissionTests.account(.resident)
        #expect(throws: AccessError.unauthenticated) { try catalogue.organisationsToEdit(actor: nil) }
        #expect(throws: AccessError.notFound) { try catalogue.organisationToEdit("mairie-37123", actor: resident) }
        #expect(throws: AccessError.notFound) {
            try catalogue.update(organisation: "mairie-37123", with: try form { $0.phone = "0247000000" }, by: resident, now: TestSupport.now)
        }
        #expect(throws: AccessError.notFound) { try catalogue.organisationToEdit("mairie-37123", actor: PermissionTests.account(.agent)) }
        #expect(throws: AccessError.notFound) { try catalogue.organisationToEdit("mairie-99999", actor: admin) }
    }
}
