import Foundation
import GRDB
import PortalCore
import Testing

/// An administrator invites agents, advisers and other administrators; the invited person chooses a
/// password through a link valid 7 days, once.
@Suite struct StaffInvitationTests {
    let database: PortalDatabase
    let accounts: Accounts
    let now = TestSupport.now
    let admin = PermissionTests.account(.admin)

    init() throws {
        database = try TestSupport.database()
        accounts = Accounts(database: database, hasher: TestSupport.hasher)
    }

    func invite(_ email: String = "Paul.Durand@langeais.fr", name: String = "Paul Durand", role: Role = .agent,
                organisation: String? = "mairie-37123", by actor: Account? = nil, at time: Date? = nil) throws -> AccountLink.Issued {
        try accounts.invite(StaffInvitation(email: email, name: name, role: role, organisationIds: organisation.map { [$0] } ?? []),
                            by: actor ?? admin, links: TestLinks(), now: time ?? now)
    }

    func errors(_ invitation: StaffInvitation) -> ValidationErrors? {
        do {
            _ = try accounts.invite(invitation, by: admin, links: TestLinks(), now: now)
            return nil
        } catch StaffAccountError.invalid(let errors) {
            return errors
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func anInvitedAgentChoosesAPasswordWithinSevenDays() throws {
        let issued = try invite()
        #expect(issued.account.email == "paul.durand@langeais.fr")
        #expect(issued.account.role == .agent)
        #expect(issued.account.organisationId == "mairie-37123")
        #expect(issued.expiresAt == now.addingTimeInterval(7 * 24 * 3600))
        #expect(issued.url == "http://127.0.0.1:8080/activation/\(issued.token)")
        let mail = try #require(try Outbox(database: database).due(now: now).last?.message)
        #expect(mail.recipient == "paul.durand@langeais.fr")
        #expect(mail.subject == "Invitation à rejoindre le portail citoyen de la CCTOVAL")
        #expect(mail.textBody.contains("Camille Martin vous invite à rejoindre le portail citoyen de la CCTOVAL avec un compte agent (Mairie de Langeais)."))
        #expect(mail.textBody.contains(issued.url))
        #expect(mail.textBody.contains("Ce lien est valable 7 jours"))
        guard case .failure = try accounts.logIn(email: "paul.durand@langeais.fr", password: "!", remoteAddress: "192.0.2.1", now: now) else {
            Issue.record("logged in before choosing a password")
            return
        }
        let later = now.addingTimeInterval(6 * 24 * 3600)
        let (account, session) = try accounts.activate(link: issued.token, password: "le chateau de langeais", now: later)
        #expect(account.role.home == .agent)
        #expect(try accounts.session(token: session, now: later)?.organisationId == "mairie-37123")
        #expect(throws: AccessError.notFound, "single use") {
            try accounts.activate(link: issued.token, password: "un autre mot de passe long", now: later)
        }
    }

    @Test func anInvitationExpiresAfterSevenDays() throws {
        let issued = try invite()
        #expect(throws: AccessError.notFound) {
            try accounts.activate(link: issued.token, password: "le chateau de langeais", now: now.addingTimeInterval(7 * 24 * 3600 + 1))
        }
    }

    @Test func invitingAgainSendsANewLinkAndVoidsTheOld() throws {
        let first = try invite()
        let second = try invite(name: "Paul Durand-Leroy", organisation: "mairie-37031", at: now.addingTimeInterval(60))
        #expect(second.account.id == first.account.id)
        #expect(second.account.displayName == "Paul Durand-Leroy")
        #expect(second.account.organisationId == "mairie-37031")
        #expect(try accounts.account(activating: first.token, now: now.addingTimeInterval(120)) == nil)
        #expect(try accounts.account(activating: second.token, now: now.addingTimeInterval(120))?.id == first.account.id)
    }

    @Test func anAddressInUseIsNeverTakenOver() throws {
        _ = try accounts.signUp(SignUpForm(email: "marie.petit@example.fr", password: "la loire coule vers l'ouest",
                                           displayName: "Marie Petit", communeInsee: "37123"), now: now)
        #expect(throws: StaffAccountError.addressTaken(.resident)) { try invite("marie.petit@example.fr") }
        let pending = try invite()
        #expect(throws: StaffAccountError.addressTaken(.agent), "another role") {
            try invite(role: .franceServices, organisation: "france-services-langeais")
        }
        _ = try accounts.activate(link: pending.token, password: "le chateau de langeais", now: now)
        #expect(throws: StaffAccountError.addressTaken(.agent), "an active account") { try invite() }
    }

    @Test func eachRoleNeedsTheRightKindOfOrganisation() throws {
        #expect(errors(StaffInvitation(email: "a@b.fr", name: "A B", role: .resident, organisationIds: []))?["role"] != nil)
        #expect(errors(StaffInvitation(email: "a@b.fr", name: "A B", role: .agent, organisationIds: []))?["organisation"]
                == "Choisissez la mairie ou le service de la CCTOVAL où la personne travaille (plusieurs si elle en sert plusieurs).")
        #expect(errors(StaffInvitation(email: "a@b.fr", name: "A B", role: .agent, organisationIds: ["france-services-langeais"]))?["organisation"] != nil)
        #expect(errors(StaffInvitation(email: "a@b.fr", name: "A B", role: .agent, organisationIds: ["ants"]))?["organisation"] != nil)
        #expect(errors(StaffInvitation(email: "a@b.fr", name: "A B", role: .franceServices, organisationIds: ["mairie-37123"]))?["organisation"]
                == "Choisissez l'espace France Services où la personne reçoit le public, et lui seul.")
        #expect(errors(StaffInvitation(email: "a@b.fr", name: "A B", role: .franceServices,
                                       organisationIds: ["france-services-langeais", "france-services-bourgueil"]))?["organisation"] != nil,
                "an adviser works at one site")
        let bad = errors(StaffInvitation(email: "pas une adresse", name: "A\nB", role: .agent, organisationIds: ["mairie-37123"]))
        #expect(bad?["email"] != nil)
        #expect(bad?["name"] != nil)
        let adviser = try invite("lea@fs.fr", role: .franceServices, organisation: "france-services-langeais")
        #expect(adviser.account.organisationId == "france-services-langeais")
        let administrator = try invite("jean@cctoval.fr", role: .admin, organisation: "mairie-37123")
        #expect(administrator.account.organisationId == nil, "an administrator belongs to no organisation")
        #expect(try !accounts.hasActiveAdministrator(), "invited, not active yet")
    }

    @Test(arguments: [Role.resident, .agent, .franceServices])
    func onlyAnAdministratorInvites(role: Role) throws {
        #expect(throws: AccessError.notFound) { try invite(by: PermissionTests.account(role)) }
        #expect(throws: AccessError.unauthenticated) {
            try accounts.invite(StaffInvitation(email: "a@b.fr", name: "A B", role: .agent, organisationIds: ["mairie-37123"]),
                                by: nil, links: TestLinks(), now: now)
        }
        let count = try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") }
        #expect(count == 0)
    }

    @Test func theStaffListSaysWhoIsInvitedAndWhoLastLoggedIn() throws {
        _ = try accounts.signUp(SignUpForm(email: "marie.petit@example.fr", password: "la loire coule vers l'ouest",
                                           displayName: "Marie Petit", communeInsee: "37123"), now: now)
        let paul = try invite()
        let lea = try invite("lea@fs.fr", name: "Léa Moreau", role: .franceServices, organisation: "france-services-langeais")
        let later = now.addingTimeInterval(3600)
        _ = try accounts.activate(link: lea.token, password: "france services langeais", now: later)
        let staff = try accounts.staff(actor: admin, now: later)
        #expect(staff.map(\.account.displayName) == ["Léa Moreau", "Paul Durand"], "by name, no resident")
        #expect(staff[0].status == .active)
        #expect(staff[0].lastLogInAt == later)
        #expect(staff[1].status == .invited(linkExpiresAt: now.addingTimeInterval(7 * 24 * 3600)))
        #expect(staff[1].lastLogInAt == nil)
        #expect(try accounts.staff(actor: admin, now: now.addingTimeInterval(8 * 24 * 3600))[1].status == .invited(linkExpiresAt: nil),
                "an expired invitation")

        let again = try accounts.resendInvitation(to: paul.account.id, by: admin, links: TestLinks(), now: later)
        #expect(try accounts.account(activating: paul.token, now: later) == nil)
        #expect(try accounts.account(activating: again.token, now: later)?.id == paul.account.id)
        #expect(throws: AccessError.notFound, "an active account") {
            try accounts.resendInvitation(to: lea.account.id, by: admin, links: TestLinks(), now: later)
        }
        #expect(throws: AccessError.notFound) { try accounts.staff(actor: PermissionTests.account(.agent), now: later) }
        #expect(throws: AccessError.notFound) {
            try accounts.resendInvitation(to: paul.account.id, by: PermissionTests.account(.agent), links: TestLinks(), now: later)
        }
    }

    @Test func aSecretaireDeMairieServesTwoCommunesAndSeesBothQueues() throws {
        let issued = try accounts.invite(StaffInvitation(email: "secretariat@lubl.fr", name: "Anne Morel", role: .agent,
                                                         organisationIds: ["mairie-37137", "mairie-37146"]),
                                         by: admin, links: TestLinks(), now: now)
        #expect(issued.account.organisationIds == ["mairie-37137", "mairie-37146"])
        #expect(issued.account.organisationId == "mairie-37137")
        let mail = try #require(try Outbox(database: database).due(now: now).last?.message)
        #expect(mail.textBody.contains("avec un compte agent (Mairie de Lublé et Mairie de Marcilly-sur-Maulne)"))
        let (agent, _) = try accounts.activate(link: issued.token, password: "deux mairies pour une", now: now)
        #expect(agent.organisationIds == ["mairie-37137", "mairie-37146"])
        #expect(try accounts.staffMember(agent.id, by: admin, now: now).account.organisationIds == ["mairie-37137", "mairie-37146"])
    }
}
