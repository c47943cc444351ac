import Foundation
import GRDB
import PortalCore
import Testing

@Suite("Households: adults, children, invitations, supporting documents")
struct HouseholdTests {
    let fixture: InvoiceFixture
    let households: Households
    var now: Date { fixture.now }

    init() throws {
        fixture = try InvoiceFixture()
        households = try Households(database: fixture.database, links: TestLinks())
    }

    static let pdf = Dossiers.Upload(filename: "attestation.pdf", bytes: Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".utf8))

    @Test("A résident's household opens with them as its first adult; children are added with French messages on mistakes")
    func children() throws {
        let resident = fixture.accounts["habitant"]
        let household = try households.household(of: resident, now: now)
        #expect(household.adults.map(\.accountId) == [resident?.id])
        #expect(household.children.isEmpty)
        #expect(try households.household(of: resident, now: now).id == household.id, "opened once")

        #expect { try households.addChild(ChildForm(firstName: " ", lastName: "Martin", birthDay: "31", birthMonth: "2", birthYear: "2019"),
                                          actor: resident, now: now) } throws: { error in
            guard case HouseholdError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["prenom", "naissance"]
                && errors["naissance"] == "Saisissez la date de naissance, par exemple 14 3 2019."
        }
        #expect { try households.addChild(ChildForm(firstName: "Léo", lastName: "Martin", birthDay: "1", birthMonth: "1", birthYear: "2030"),
                                          actor: resident, now: now) } throws: { error in
            guard case HouseholdError.invalid(let errors) = error else { return false }
            return errors["naissance"] == "La date de naissance ne peut pas être dans le futur."
        }
        let leo = try households.addChild(ChildForm(firstName: "Léo", lastName: "Martin", birthDay: "14", birthMonth: "3",
                                                    birthYear: "2019", school: "École Anne de Bretagne"), actor: resident, now: now)
        #expect(leo.age(on: CalendarDay(now)) == 6)
        #expect(leo.ageInMonths(on: CalendarDay(now)) == 83)
        let corrected = try households.updateChild(leo.id, ChildForm(firstName: "Léo", lastName: "Martin-Roy", birthDay: "14",
                                                                     birthMonth: "3", birthYear: "2019"), actor: resident, now: now)
        #expect(corrected.lastName == "Martin-Roy")
        #expect(corrected.school == nil)
        #expect(try households.household(of: resident, now: now).children.map(\.fullName) == ["Léo Martin-Roy"])
        // Nobody else changes or sees this child.
        #expect(throws: HouseholdError.notFound) {
            try households.updateChild(leo.id, ChildForm(firstName: "X", lastName: "Y", birthDay: "1", birthMonth: "1", birthYear: "2020"),
                                       actor: fixture.accounts["habitante.bourgueil"], now: now)
        }
        #expect(try households.household(of: fixture.accounts["habitante.bourgueil"], now: now).children.isEmpty)
        for login in ["agent.langeais", "conseiller", "admin"] {
            #expect(throws: HouseholdError.notFound, "\(login)") { try households.household(of: fixture.accounts[login], now: now) }
        }
    }

    @Test("A second adult joins by the e-mail invitation, with the invited address only, once")
    func invitation() throws {
        let camille = fixture.accounts["habitant"], lea = fixture.accounts["habitante.bourgueil"]
        _ = try households.addChild(ChildForm(firstName: "Léo", lastName: "Martin", birthDay: "14", birthMonth: "3", birthYear: "2019"),
                                    actor: camille, now: now)
        #expect { try households.invite(email: "habitant@demo.cctoval.fr", actor: camille, now: now) } throws: { error in
            guard case HouseholdError.invalid(let errors) = error else { return false }
            return errors["email"] == "Saisissez l'adresse de l'autre adulte, pas la vôtre."
        }
        let wrong = try households.invite(email: "quelquun@example.org", actor: camille, now: now)
        #expect(throws: HouseholdError.invitationInvalid, "another address") { try households.acceptInvitation(token: wrong, actor: lea, now: now) }
        let token = try households.invite(email: " Habitante.Bourgueil@demo.cctoval.fr ", actor: camille, now: now)
        let mail = try #require(try fixture.outbox.due(now: now).last?.message)
        #expect(mail.recipient == "habitante.bourgueil@demo.cctoval.fr")
        #expect(mail.textBody.contains("/mon-espace/foyer/invitation/\(token)"))
        #expect(try households.household(of: camille, now: now).pendingInvitations == ["quelquun@example.org", "habitante.bourgueil@demo.cctoval.fr"])
        #expect(throws: HouseholdError.invitationInvalid, "expired") {
            try households.acceptInvitation(token: token, actor: lea, now: now.addingTimeInterval(15 * 86400))
        }
        let shared = try households.acceptInvitation(token: token, actor: lea, now: now)
        #expect(Set(shared.adults.compactMap(\.accountId)) == Set([camille?.id, lea?.id].compactMap { $0 }))
        #expect(try households.household(of: lea, now: now).children.map(\.firstName) == ["Léo"])
        #expect(throws: HouseholdError.invitationInvalid, "used") { try households.acceptInvitation(token: token, actor: lea, now: now) }
    }

    @Test("An adult whose own household has children is not moved into another")
    func noMerge() throws {
        let camille = fixture.accounts["habitant"], lea = fixture.accounts["habitante.bourgueil"]
        _ = try households.addChild(ChildForm(firstName: "Zoé", lastName: "Dubois", birthDay: "2", birthMonth: "5", birthYear: "2020"),
                                    actor: lea, now: now)
        let token = try households.invite(email: "habitante.bourgueil@demo.cctoval.fr", actor: camille, now: now)
        #expect(throws: HouseholdError.alreadyInAnotherHousehold) { try households.acceptInvitation(token: token, actor: lea, now: now) }
    }

    @Test("Documents count from their date for their kind's time; a CAF statement gives the family quotient")
    func documents() throws {
        let resident = fixture.accounts["habitant"]
        let today = CalendarDay(now)
        let leo = try households.addChild(ChildForm(firstName: "Léo", lastName: "Martin", birthDay: "14", birthMonth: "3", birthYear: "2019"),
                                          actor: resident, now: now)
        let twoMonthsAgo = today.adding(months: -2)
        #expect { try households.addDocument(.init(kind: "attestation-caf", upload: Self.pdf, day: String(twoMonthsAgo.day),
                                                   month: String(twoMonthsAgo.month), year: String(twoMonthsAgo.year), familyQuotient: "beaucoup"),
                                             actor: resident, now: now) } throws: { error in
            guard case HouseholdError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["quotient"]
        }
        let old = today.adding(months: -4)
        #expect { try households.addDocument(.init(kind: "justificatif-domicile", upload: Self.pdf, day: String(old.day),
                                                   month: String(old.month), year: String(old.year)), actor: resident, now: now) } throws: { error in
            guard case HouseholdError.invalid(let errors) = error else { return false }
            return errors["date"] == "Ce document date de plus de 3 mois : il n'est plus accepté. Envoyez-en un plus récent."
        }
        #expect { try households.addDocument(.init(kind: "carnet-vaccination", upload: Dossiers.Upload(filename: "x.txt", bytes: Array("bonjour".utf8)),
                                                   day: "1", month: "1", year: "2026"), actor: resident, now: now) } throws: { error in
            guard case HouseholdError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["enfant", "document"]
        }
        let caf = try households.addDocument(.init(kind: "attestation-caf", upload: Self.pdf, day: String(twoMonthsAgo.day),
                                                   month: String(twoMonthsAgo.month), year: String(twoMonthsAgo.year), familyQuotient: "742"),
                                             actor: resident, now: now)
        #expect(caf.validUntil == twoMonthsAgo.adding(months: 3))
        _ = try households.addDocument(.init(kind: "carnet-vaccination", upload: Self.pdf, day: "1", month: "2", year: "2026", memberId: leo.id),
                                       actor: resident, now: now)
        let household = try households.household(of: resident, now: now)
        #expect(household.familyQuotient(on: today) == 742)
        #expect(household.familyQuotient(on: today.adding(months: 2)) == nil, "expired a month later")
        #expect(household.validDocuments(.vaccinationRecord, on: today, about: leo.id).count == 1)
        #expect(household.validDocuments(.vaccinationRecord, on: today, about: nil).isEmpty)
        #expect(try households.document(caf.id, actor: resident).0.originalName == "attestation.pdf")
        #expect(throws: HouseholdError.notFound) { try households.document(caf.id, actor: fixture.accounts["habitante.bourgueil"]) }
    }
}

@Suite("Demo household")
struct DemoHouseholdTests {
    @Test("The Langeais resident's demo household: two adults, two children, valid documents, once")
    func demo() throws {
        let fixture = try InvoiceFixture()
        let households = try Households(database: fixture.database, links: TestLinks())
        #expect(try DemoHousehold.install(into: households, now: fixture.now))
        #expect(try !DemoHousehold.install(into: households, now: fixture.now))
        let household = try households.household(of: fixture.accounts["habitant"], now: fixture.now)
        #expect(household.adults.map(\.fullName) == ["Camille Martin", "Thomas Martin"])
        #expect(household.children.map(\.firstName).sorted() == ["Léo", "Zoé"])
        #expect(household.familyQuotient(on: CalendarDay(fixture.now)) == 742)
        #expect(household.children.allSatisfy { !household.validDocuments(.vaccinationRecord, on: CalendarDay(fixture.now), about: $0.id).isEmpty })
    }
}

@Suite("Household documents reused in dossiers")
struct HouseholdDocumentReuseTests {
    @Test("The household's valid documents, whoever sent them, are offered to each adult for a document asked in a dossier")
    func reuse() throws {
        let fixture = try InvoiceFixture()
        let households = try Households(database: fixture.database, links: TestLinks())
        let dossiers = try Dossiers(database: fixture.database, catalogue: try Catalogue(database: fixture.database), links: TestLinks())
        let camille = fixture.accounts["habitant"], lea = fixture.accounts["habitante.bourgueil"]
        let today = CalendarDay(fixture.now).adding(days: -5)
        let proof = try households.addDocument(.init(kind: "justificatif-domicile", upload: HouseholdTests.pdf, day: String(today.day),
                                                     month: String(today.month), year: String(today.year)), actor: camille, now: fixture.now)
        #expect(try !dossiers.reusableFiles(of: lea, now: fixture.now).contains { $0.id == proof.fileId })
        let token = try households.invite(email: "habitante.bourgueil@demo.cctoval.fr", actor: camille, now: fixture.now)
        _ = try households.acceptInvitation(token: token, actor: lea, now: fixture.now)
        #expect(try dossiers.reusableFiles(of: lea, now: fixture.now).contains { $0.id == proof.fileId })
        #expect(try !dossiers.reusableFiles(of: lea, now: fixture.now.addingTimeInterval(100 * 86400)).contains { $0.id == proof.fileId },
                "no longer once expired")
    }
}
