import Foundation
import GRDB
@testable import PortalCore
import Testing

@Suite("Registrations: eligibility, capacity, waiting list, billing by family quotient")
struct RegistrationTests {
    let fixture: InvoiceFixture
    let households: Households
    let registrations: Registrations
    var now: Date { fixture.now }

    /// A leisure centre of the CCTOVAL open on 1 March 2026 (the tests' day), for 3 to 11 year-olds,
    /// two places, a vaccination record required, priced by quotient.
    static let leisure = Activity(
        id: "loisirs-test", organisationId: "cctoval-enfance", regieId: "enfance-jeunesse", title: "Accueil de loisirs",
        period: "Vacances de printemps 2026", description: "",
        opensOn: CalendarDay(year: 2026, month: 2, day: 1)!, closesOn: CalendarDay(year: 2026, month: 3, day: 31)!,
        startsOn: CalendarDay(year: 2026, month: 4, day: 13)!, endsOn: CalendarDay(year: 2026, month: 4, day: 24)!,
        minAgeMonths: 36, maxAgeMonths: 143, communes: [], capacity: 2, requiredDocuments: [.vaccinationRecord],
        tariff: ActivityTariff(label: "Forfait vacances", bands: [.init(maxQuotient: 600, cents: 3000), .init(maxQuotient: nil, cents: 7500)]),
        billingNote: nil)

    /// Langeais's canteen: Langeais residents only, not priced here.
    static let canteen = Activity(
        id: "cantine-test", organisationId: "mairie-37123", regieId: nil, title: "Restauration scolaire", period: "2025-2026",
        description: "", opensOn: CalendarDay(year: 2025, month: 6, day: 1)!, closesOn: CalendarDay(year: 2026, month: 6, day: 30)!,
        startsOn: CalendarDay(year: 2025, month: 9, day: 1)!, endsOn: CalendarDay(year: 2026, month: 7, day: 3)!,
        minAgeMonths: 30, maxAgeMonths: 143, communes: ["37123"], capacity: 100, requiredDocuments: [], tariff: nil,
        billingNote: "Facturée chaque mois.")

    init() throws {
        fixture = try InvoiceFixture()
        households = try Households(database: fixture.database, links: TestLinks())
        registrations = Registrations(database: fixture.database, catalogue: try Catalogue(database: fixture.database), links: TestLinks())
        try fixture.database.pool.write { db in
            for activity in [Self.leisure, Self.canteen] {
                try db.execute(sql: "INSERT INTO activity (id, organisationId, definition) VALUES (?, ?, ?)", arguments: [
                    activity.id, activity.organisationId, String(decoding: try JSONEncoder().encode(activity), as: UTF8.self)])
            }
        }
    }

    /// A child born on `birth` in `login`'s household, with a vaccination record.
    func child(_ name: String, of login: String, born birth: (Int, Int, Int) = (14, 3, 2019), vaccinated: Bool = true) throws -> HouseholdMember {
        let adult = fixture.accounts[login]
        let child = try households.addChild(ChildForm(firstName: name, lastName: "Famille", birthDay: String(birth.0), birthMonth: String(birth.1),
                                                      birthYear: String(birth.2)), actor: adult, now: now)
        if vaccinated {
            _ = try households.addDocument(.init(kind: "carnet-vaccination", upload: HouseholdTests.pdf, day: "1", month: "2", year: "2026",
                                                 memberId: child.id), actor: adult, now: now)
        }
        return child
    }

    @Test("Eligibility: open dates, age on the first day, commune, documents, one place per member")
    func eligibility() throws {
        let camille = fixture.accounts["habitant"], lea = fixture.accounts["habitante.bourgueil"]
        let baby = try child("Bébé", of: "habitant", born: (1, 6, 2024))
        #expect(throws: RegistrationError.ageOutOfRange("de 3 ans à 11 ans")) {
            try registrations.register("loisirs-test", memberId: baby.id, actor: camille, now: now)
        }
        let unvaccinated = try child("Jules", of: "habitant", vaccinated: false)
        #expect(throws: RegistrationError.missingDocuments([.vaccinationRecord])) {
            try registrations.register("loisirs-test", memberId: unvaccinated.id, actor: camille, now: now)
        }
        let zoe = try child("Zoé", of: "habitante.bourgueil")
        #expect(throws: RegistrationError.communeNotServed) { try registrations.register("cantine-test", memberId: zoe.id, actor: lea, now: now) }
        #expect(throws: RegistrationError.notFound, "another household's child") {
            try registrations.register("loisirs-test", memberId: zoe.id, actor: camille, now: now)
        }
        let leo = try child("Léo", of: "habitant")
        #expect(throws: RegistrationError.closed(opensOn: Self.leisure.opensOn, closesOn: Self.leisure.closesOn)) {
            try registrations.register("loisirs-test", memberId: leo.id, actor: camille, now: now.addingTimeInterval(40 * 86400))
        }
        #expect(try registrations.register("cantine-test", memberId: leo.id, actor: camille, now: now).status == .confirmed)
        #expect(throws: RegistrationError.alreadyRegistered) { try registrations.register("cantine-test", memberId: leo.id, actor: camille, now: now) }
        for login in ["agent.langeais", "conseiller"] {
            #expect(throws: RegistrationError.notFound) { try registrations.register("cantine-test", memberId: leo.id, actor: fixture.accounts[login], now: now) }
        }
    }

    @Test("Places go in order: confirmed while left, then waiting with a rank; a freed place goes to the first waiting, who is told and billed")
    func waitingList() throws {
        let camille = fixture.accounts["habitant"], lea = fixture.accounts["habitante.bourgueil"]
        let leo = try child("Léo", of: "habitant"), zoe = try child("Zoé", of: "habitante.bourgueil")
        let tom = try child("Tom", of: "habitant", born: (2, 2, 2018)), ines = try child("Inès", of: "habitante.bourgueil", born: (9, 9, 2020))
        // A CAF statement puts Léa's household in the first band.
        _ = try households.addDocument(.init(kind: "attestation-caf", upload: HouseholdTests.pdf, day: "1", month: "2", year: "2026",
                                             familyQuotient: "540"), actor: lea, now: now)
        let first = try registrations.register("loisirs-test", memberId: leo.id, actor: camille, now: now)
        let second = try registrations.register("loisirs-test", memberId: zoe.id, actor: lea, now: now)
        let third = try registrations.register("loisirs-test", memberId: tom.id, actor: camille, now: now)
        let fourth = try registrations.register("loisirs-test", memberId: ines.id, actor: lea, now: now)
        #expect([first, second, third, fourth].map(\.status) == [.confirmed, .confirmed, .waiting, .waiting])
        #expect([third, fourth].map(\.rank) == [1, 2])
        let bills = try fixture.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT payerAccountId, totalCents FROM invoice ORDER BY id").map { ($0[0] as Int64, $0[1] as Int) }
        }
        #expect(bills.map(\.1) == [7500, 3000], "without a statement the last band; with 540 the first")
        // Léo withdraws: Tom (first waiting) gets the place, is billed and told; Inès moves up.
        _ = try registrations.cancel(first.id, actor: camille, now: now.addingTimeInterval(60))
        let mine = try registrations.registrations(of: camille, now: now)
        #expect(mine.first { $0.0.memberId == tom.id }?.0.status == .confirmed)
        #expect(mine.first { $0.0.memberId == tom.id }?.0.invoiceId != nil)
        #expect(try registrations.registrations(of: lea, now: now).first { $0.0.memberId == ines.id }?.0.rank == 1)
        let mails = try fixture.outbox.due(now: now.addingTimeInterval(120)).map(\.message)
        #expect(mails.contains { $0.recipient == "habitant@demo.cctoval.fr" && $0.textBody.contains("Une place s'est libérée") })
        #expect(mails.contains { $0.textBody.contains("liste d'attente, au rang 2") })
        // Cancelling twice makes no sense; nor does a stranger's cancelling.
        #expect(throws: RegistrationError.invalidTransition(from: .cancelled)) { try registrations.cancel(first.id, actor: camille, now: now) }
        #expect(throws: RegistrationError.notFound) { try registrations.cancel(fourth.id, actor: camille, now: now) }
    }

    @Test("Registrations arriving together never exceed the places, and the waiting order has no gaps")
    func concurrent() async throws {
        var members: [(Account?, Int64)] = []
        for index in 0..<6 {
            let login = index % 2 == 0 ? "habitant" : "habitante.bourgueil"
            members.append((fixture.accounts[login], try child("Enfant\(index)", of: login).id))
        }
        let registrations = self.registrations, now = self.now
        let results = try await withThrowingTaskGroup(of: Registration.self) { group in
            for (actor, member) in members {
                group.addTask { try registrations.register("loisirs-test", memberId: member, actor: actor, now: now) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0.status == .confirmed }.count == 2)
        let (_, listed) = try registrations.registrations(to: "loisirs-test", actor: fixture.accounts["agent.enfance"])
        #expect(listed.compactMap(\.rank) == [1, 2, 3, 4])
    }

    @Test("Agents of the organisation see and refuse registrations, with a reason; others see none")
    func agents() throws {
        let camille = fixture.accounts["habitant"]
        let leo = try child("Léo", of: "habitant")
        let registration = try registrations.register("loisirs-test", memberId: leo.id, actor: camille, now: now)
        #expect(try registrations.activities(of: fixture.accounts["agent.enfance"]).map(\.id) == ["loisirs-test"])
        #expect(throws: RegistrationError.notFound) { try registrations.registrations(to: "loisirs-test", actor: fixture.accounts["agent.langeais"]) }
        #expect(throws: RegistrationError.notFound) { try registrations.registrations(to: "loisirs-test", actor: camille) }
        #expect(throws: RegistrationError.reasonRequired) {
            try registrations.refuse(registration.id, reason: " ", actor: fixture.accounts["agent.enfance"], now: now)
        }
        #expect(throws: RegistrationError.notFound) {
            try registrations.refuse(registration.id, reason: "Complet", actor: fixture.accounts["agent.langeais"], now: now)
        }
        let refused = try registrations.refuse(registration.id, reason: "Dossier incomplet.", actor: fixture.accounts["agent.enfance"], now: now)
        #expect(refused.status == .refused)
        #expect(refused.refusalReason == "Dossier incomplet.")
    }

    @Test("The shipped activities are valid")
    func seed() throws {
        let catalogue = try Catalogue(database: fixture.database)
        let activities = try ActivitySeed.load(from: TestSupport.realSeed.appendingPathComponent("activities.json"), catalogue: catalogue,
                                               regieIds: Set(try fixture.database.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM regie") }))
        #expect(activities.count == 7)
        #expect(try ActivitySeed.install(from: TestSupport.realSeed.appendingPathComponent("activities.json"), catalogue: catalogue,
                                         into: fixture.database) == 7)
    }

    @Test("An unpaid invoice is cancelled with its registration; a paid one is flagged for the régie to refund")
    func invoiceFollowsTheRegistration() throws {
        let camille = fixture.accounts["habitant"]
        let leo = try child("Léo", of: "habitant"), tom = try child("Tom", of: "habitant", born: (2, 2, 2018))
        let first = try registrations.register("loisirs-test", memberId: leo.id, actor: camille, now: now)
        let second = try registrations.register("loisirs-test", memberId: tom.id, actor: camille, now: now)
        let secondInvoice = try #require(second.invoiceId)
        _ = try fixture.invoices.recordCounterPayment(secondInvoice, amount: "75", channel: "especes", reference: "",
                                                      actor: fixture.accounts["agent.enfance"], now: now)
        _ = try registrations.cancel(first.id, actor: camille, now: now)
        let cancelled = try fixture.invoices.detail(try #require(first.invoiceId), actor: camille, now: now).invoice
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.cancellationReason == "Inscription annulée par la famille")
        _ = try registrations.refuse(second.id, reason: "Certificat médical manquant.", actor: fixture.accounts["agent.enfance"], now: now)
        let paid = try fixture.invoices.detail(secondInvoice, actor: fixture.accounts["agent.enfance"], now: now)
        #expect(paid.invoice.status == .paid)
        #expect(paid.events.last?.kind == .anomaly)
        #expect(paid.events.last?.text?.contains("remboursement ou avoir à prévoir") == true)
    }

    @Test("Adults of the household register to an activity that takes adults, not to one for children")
    func adults() throws {
        let camille = fixture.accounts["habitant"]
        let adult = try households.household(of: camille, now: now).adults[0]
        #expect(throws: RegistrationError.ageOutOfRange("de 3 ans à 11 ans")) {
            try registrations.register("loisirs-test", memberId: adult.id, actor: camille, now: now)
        }
        var music = Self.leisure
        music.id = "musique-test"
        music.minAgeMonths = 72
        music.maxAgeMonths = 1200
        music.requiredDocuments = []
        try fixture.database.pool.write { db in
            try db.execute(sql: "INSERT INTO activity (id, organisationId, definition) VALUES (?, ?, ?)",
                           arguments: [music.id, music.organisationId, String(decoding: try JSONEncoder().encode(music), as: UTF8.self)])
        }
        #expect(try registrations.register("musique-test", memberId: adult.id, actor: camille, now: now).status == .confirmed)
    }
}
