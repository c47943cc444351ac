import Foundation
import GRDB
@testable import PortalCore
import Testing

/// An administrator changes a staff account's role and organisation, revokes an invitation, and
/// every such change, with the staff's log-ins, is journaled.
@Suite struct StaffChangeTests {
    let database: PortalDatabase
    let accounts: Accounts
    let now = TestSupport.now
    let admin: Account

    init() throws {
        database = try TestSupport.database()
        accounts = Accounts(database: database, hasher: TestSupport.hasher)
        let issued = try accounts.createAdministrator(email: "claire.martin@cctoval.fr", name: "Claire Martin", links: TestLinks(), now: now)
        admin = try accounts.activate(link: issued.token, password: "une phrase de passe bien longue", now: now).0
    }

    func invite(_ email: String = "paul.durand@langeais.fr", role: Role = .agent, organisation: String? = "mairie-37123") throws -> AccountLink.Issued {
        try accounts.invite(StaffInvitation(email: email, name: "Paul Durand", role: role, organisationIds: organisation.map { [$0] } ?? []),
                            by: admin, links: TestLinks(), now: now)
    }

    func journal() throws -> [JournalEntry] {
        try database.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM journal_entry ORDER BY id").map(JournalEntry.init) }
    }

    @Test func anAgentBecomesAnAdviserThenAnAdministratorAndTheJournalSaysSo() throws {
        let paul = try invite().account
        let adviser = try accounts.change(paul.id, to: StaffChange(name: "Paul Durand", role: .franceServices,
                                                                   organisationIds: ["france-services-langeais"]), by: admin, now: now)
        #expect(adviser.role == .franceServices)
        #expect(adviser.organisationId == "france-services-langeais")
        let promoted = try accounts.change(paul.id, to: StaffChange(name: "Paul Durand-Roux", role: .admin, organisationIds: ["mairie-37123"]),
                                           by: admin, now: now)
        #expect(promoted.role == .admin)
        #expect(promoted.organisationId == nil, "an administrator belongs to no organisation")
        let lines = try journal().filter { $0.action == .staffChanged }.map(\.summary)
        #expect(lines == [
            "Rôle : Agent → Conseiller France Services ; Organisation : Mairie de Langeais → France Services Langeais",
            "Nom : Paul Durand → Paul Durand-Roux ; Rôle : Conseiller France Services → Administrateur ; Organisation : France Services Langeais → aucune",
        ])
    }

    @Test func anAgentNeedsAMairieOrAServiceAndNothingChangesOtherwise() throws {
        let paul = try invite().account
        #expect(throws: StaffAccountError.self) {
            try accounts.change(paul.id, to: StaffChange(name: "Paul Durand", role: .agent, organisationIds: ["france-services-langeais"]),
                                by: admin, now: now)
        }
        #expect(throws: StaffAccountError.self) {
            try accounts.change(paul.id, to: StaffChange(name: " ", role: .agent, organisationIds: ["mairie-37123"]), by: admin, now: now)
        }
        #expect(try accounts.staffMember(paul.id, by: admin, now: now).account == paul)
    }

    @Test func theLastActiveAdministratorIsNotDemoted() throws {
        #expect(throws: StaffAccountError.lastAdministrator) {
            try accounts.change(admin.id, to: StaffChange(name: "Claire Martin", role: .agent, organisationIds: ["mairie-37123"]),
                                by: admin, now: now)
        }
        _ = try invite("second.admin@cctoval.fr", role: .admin, organisation: nil)
        #expect(throws: StaffAccountError.lastAdministrator, "an invited administrator is not active yet") {
            try accounts.change(admin.id, to: StaffChange(name: "Claire Martin", role: .agent, organisationIds: ["mairie-37123"]),
                                by: admin, now: now)
        }
    }

    @Test func aRevokedInvitationsLinkStopsWorkingAndItCanBeSentAgain() throws {
        let issued = try invite()
        try accounts.deactivate(issued.account.id, by: admin, now: now)
        guard case .revoked = try accounts.staffMember(issued.account.id, by: admin, now: now).status else {
            Issue.record("not revoked")
            return
        }
        #expect(try accounts.account(activating: issued.token, now: now) == nil)
        #expect(throws: AccessError.notFound, "an invitation is sent again, not reactivated") {
            try accounts.reactivate(issued.account.id, by: admin, now: now)
        }
        let again = try accounts.resendInvitation(to: issued.account.id, by: admin, links: TestLinks(), now: now)
        guard case .invited = try accounts.staffMember(issued.account.id, by: admin, now: now).status else {
            Issue.record("not invited again")
            return
        }
        #expect(try accounts.activate(link: again.token, password: "le chateau de langeais", now: now).0.id == issued.account.id)
        let actions = try journal().map(\.action)
        #expect(actions == [.staffInvited, .staffActivated, .staffInvited, .invitationRevoked, .staffInvited, .staffActivated])
    }

    @Test func staffLogInsAndRefusalsAreJournaledResidentsAreNot() throws {
        _ = try accounts.logIn(email: "claire.martin@cctoval.fr", password: "une phrase de passe bien longue", remoteAddress: "192.0.2.7", now: now)
        _ = try accounts.logIn(email: "claire.martin@cctoval.fr", password: "pas la bonne", remoteAddress: "192.0.2.8", now: now)
        _ = try accounts.signUp(SignUpForm(email: "habitant@example.fr", password: "un mot de passe assez long",
                                           displayName: "Lou Habitant", communeInsee: "37123"), now: now)
        _ = try accounts.logIn(email: "habitant@example.fr", password: "un mot de passe assez long", remoteAddress: "192.0.2.9", now: now)
        _ = try accounts.logIn(email: "habitant@example.fr", password: "faux", remoteAddress: "192.0.2.9", now: now)
        let security = try journal().filter { [.logIn, .logInRefused].contains($0.action) }
        #expect(security.map(\.summary) == ["Connexion depuis l'adresse 192.0.2.7", "Connexion refusée à Claire Martin : mot de passe erroné"])
        #expect(security.map(\.actorName) == ["Claire Martin", "Inconnu (adresse 192.0.2.8)"])
        #expect(security.allSatisfy { $0.subject == .account(admin) })
    }

    @Test(arguments: [Role.resident, .agent, .franceServices])
    func othersMayNotChangeStaff(role: Role) throws {
        let paul = try invite().account
        #expect(throws: AccessError.notFound) {
            try accounts.change(paul.id, to: StaffChange(name: "X", role: .admin, organisationIds: []), by: PermissionTests.account(role), now: now)
        }
        #expect(throws: AccessError.unauthenticated) {
            try accounts.change(paul.id, to: StaffChange(name: "X", role: .admin, organisationIds: []), by: nil, now: now)
        }
    }
}
