import Foundation
@testable import PortalCore
import Testing

/// Activities kept in the administration: every setting reads into its form and back; a confirmed
/// registration is never dropped, a place added goes to the first waiting, registrations open and
/// close; ages, communes, documents and tariff bands are checked; a manager creates activities for
/// their own organisation only.
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

    @Test func everyShippedActivityReadsIntoItsFormAndBackUnchanged() throws {
        let catalogue = try Catalogue(database: base.fixture.database)
        let shipped = try ActivitySeed.load(from: TestSupport.realSeed.appendingPathComponent("activities.json"), catalogue: catalogue,
                                            regieIds: ["enfance-jeunesse", "ecole-musique"])
        var options = try base.registrations.activityOptions(actor: admin)
        options.regies += ["enfance-jeunesse", "ecole-musique"].map {
            Regie(id: $0, organisationId: "cctoval", name: $0, payfipClientNumber: "000000", payfipMode: .test, numberingCode: "T")
        }
        for activity in shipped + [RegistrationTests.leisure, RegistrationTests.canteen] {
            #expect(try ActivityForm(activity).validated(activity, confirmed: 0, options: options) == activity, "\(activity.id)")
        }
        let canteen = ActivityForm(RegistrationTests.canteen)
        #expect((canteen.minAge, canteen.minAgeUnit, canteen.maxAge, canteen.maxAgeUnit) == ("30", "mois", "11", "ans"))
    }

    @Test func agesCommunesDocumentsAndTariffBandsAreSaved() throws {
        let saved = try base.registrations.update(activity: "loisirs-test", with: try form {
            $0.minAge = "6"; $0.maxAge = "14"
            $0.someCommunes = true; $0.communes = ["37123", "37031", "99999"]
            $0.requiredDocuments = ["justificatif-domicile", "carnet-vaccination"]
            $0.bands = [.init(ceiling: "500", price: "20"), .init(ceiling: "1000", price: "35,50"), .init(price: "60")]
                + Array(repeating: .init(), count: ActivityForm.bandRows - 3)
        }, by: admin, now: base.now)
        #expect((saved.minAgeMonths, saved.maxAgeMonths) == (72, 179))
        #expect(Set(saved.communes) == ["37123", "37031"], "an unknown commune is not kept")
        #expect(saved.requiredDocuments == [.vaccinationRecord, .proofOfAddress])
        #expect(saved.tariff?.bands == [.init(maxQuotient: 500, cents: 2000), .init(maxQuotient: 1000, cents: 3550), .init(maxQuotient: nil, cents: 6000)])
        #expect(saved.tariff?.price(forQuotient: 700) == 3550)
        let line = try base.fixture.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT summary FROM journal_entry WHERE action = 'activite_modifiee' ORDER BY id DESC LIMIT 1")
        }
        #expect(line == "Âges : de 6 ans à 14 ans ; Communes ; Pièces demandées ; Tarif")
    }

    @Test func wrongAgesCommunesAndBandsAreRefusedWithTheirFields() throws {
        do {
            _ = try base.registrations.update(activity: "loisirs-test", with: try form {
                $0.minAge = "12"; $0.maxAge = "3"
                $0.someCommunes = true; $0.communes = []
                $0.bands = [.init(ceiling: "900", price: "20"), .init(ceiling: "600", price: "gratuit"), .init(ceiling: "1200", price: "60")]
                    + Array(repeating: .init(), count: ActivityForm.bandRows - 3)
                $0.regie = ""
            }, by: admin, now: base.now)
            Issue.record("saved")
        } catch let errors as ValidationErrors {
            #expect(errors.errors.map(\.field) == ["maxAge", "communes", "tranche-2-plafond", "tranche-2-prix", "tranche-3-plafond", "regie"])
            #expect(errors["tranche-2-plafond"] == "Le plafond de la tranche 2 doit dépasser celui de la tranche précédente (900).")
            #expect(errors["regie"] == "Une activité avec un tarif est facturée dans une régie : choisissez-la.")
        }
        #expect(try base.registrations.activityToEdit("loisirs-test", actor: admin).activity == RegistrationTests.leisure, "nothing saved")
    }

    @Test func aManagerCreatesActivitiesForTheirOwnOrganisationOnly() throws {
        let accounts = Accounts(database: base.fixture.database, hasher: TestSupport.hasher)
        let issued = try accounts.invite(StaffInvitation(email: "responsable@langeais.fr", name: "Paul Roux", role: .manager,
                                                         organisationIds: ["mairie-37123"]), by: admin, links: TestLinks(), now: base.now)
        let manager = try accounts.activate(link: issued.token, password: "une phrase de passe bien longue", now: base.now).0
        let options = try base.registrations.activityOptions(actor: manager)
        #expect(options.organisations.map(\.id) == ["mairie-37123"])
        #expect(options.regies.allSatisfy { $0.organisationId == "mairie-37123" })
        var form = ActivityForm()
        form.title = "Accueil périscolaire du mercredi"
        form.period = "Année scolaire 2026-2027"
        form.organisation = "cctoval-enfance"
        form.minAge = "3"; form.maxAge = "11"
        form.opensOn = "01/03/2026"; form.closesOn = "30/06/2026"; form.startsOn = "02/09/2026"; form.endsOn = "30/06/2027"
        form.capacity = "24"
        #expect(throws: ValidationErrors.self, "another organisation's activity") {
            try base.registrations.create(activity: form, by: manager, now: base.now)
        }
        form.organisation = "mairie-37123"
        let created = try base.registrations.create(activity: form, by: manager, now: base.now)
        #expect(created.id == "accueil-periscolaire-du-mercredi-annee-scolaire-2026-2027")
        #expect((created.minAgeMonths, created.maxAgeMonths, created.capacity, created.communes) == (36, 143, 24, []))
        let again = try base.registrations.create(activity: form, by: manager, now: base.now)
        #expect(again.id == created.id + "-2", "two activities of one name get two ids")
        #expect(try base.registrations.activitiesToEdit(actor: manager).map(\.id).contains(created.id))
        #expect(try base.registrations.activities().contains(created), "families see it")
        for login in ["agent.langeais", "habitant", "conseiller"] {
            #expect(throws: AccessError.notFound) { try base.registrations.create(activity: form, by: base.fixture.accounts[login], now: base.now) }
        }
    }
}
