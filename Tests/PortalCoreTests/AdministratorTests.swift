import Foundation
import PortalCore
import Testing

/// The first administrator of a territory, from the command line: an account without a password and
/// a one-time link to choose one.
@Suite struct AdministratorTests {
    let database: PortalDatabase
    let accounts: Accounts
    let now = TestSupport.now

    init() throws {
        database = try TestSupport.database()
        accounts = Accounts(database: database, hasher: TestSupport.hasher)
    }

    func create(_ email: String = "Claire.Martin@cctoval.fr", at time: Date? = nil) throws -> AccountLink.Issued {
        try accounts.createAdministrator(email: email, name: "Claire Martin", links: TestLinks(), now: time ?? now)
    }

    @Test func theAccountCannotLogInUntilItsLinkIsFollowed() throws {
        #expect(try !accounts.hasActiveAdministrator())
        let issued = try create()
        #expect(issued.account.role == .admin)
        #expect(issued.account.email == "claire.martin@cctoval.fr")
        #expect(issued.url == "http://127.0.0.1:8080/activation/\(issued.token)")
        #expect(issued.token.count >= 43, "256 random bits")
        #expect(issued.expiresAt == now.addingTimeInterval(24 * 3600))
        let mail = try #require(try Outbox(database: database).due(now: now).last?.message)
        #expect(mail.recipient == "claire.martin@cctoval.fr")
        #expect(mail.textBody.contains(issued.url))
        #expect(try !accounts.hasActiveAdministrator(), "no password yet")
        for password in ["", "!", "une phrase de passe bien longue"] {
            guard case .failure = try accounts.logIn(email: "claire.martin@cctoval.fr", password: password, remoteAddress: "192.0.2.1", now: now) else {
                Issue.record("logged in with \"\(password)\" before activation")
                continue
            }
        }

        #expect(try accounts.account(activating: issued.token, now: now)?.id == issued.account.id)
        #expect(throws: StaffAccountError.self) { try accounts.activate(link: issued.token, password: "court", now: now) }
        #expect(try accounts.account(activating: issued.token, now: now) != nil, "a refused password leaves the link usable")
        let (account, session) = try accounts.activate(link: issued.token, password: "une phrase de passe bien longue", now: now)
        #expect(account.id == issued.account.id)
        #expect(try accounts.session(token: session, now: now)?.id == account.id)
        #expect(try accounts.hasActiveAdministrator())
        guard case .success = try accounts.logIn(email: "claire.martin@cctoval.fr", password: "une phrase de passe bien longue",
                                                 remoteAddress: "192.0.2.1", now: now) else {
            Issue.record("the chosen password does not log in")
            return
        }
        #expect(throws: AccessError.notFound, "a link serves once") {
            try accounts.activate(link: issued.token, password: "une autre phrase de passe", now: now)
        }
    }

    @Test func runningItAgainGivesANewLinkAndVoidsTheOld() throws {
        let first = try create()
        let second = try create("claire.martin@CCTOVAL.fr")
        #expect(second.account.id == first.account.id, "the same account")
        #expect(second.token != first.token)
        #expect(try accounts.account(activating: first.token, now: now) == nil)
        #expect(try accounts.account(activating: second.token, now: now) != nil)
    }

    @Test func aLinkExpiresAfter24Hours() throws {
        let issued = try create()
        #expect(try accounts.account(activating: issued.token, now: now.addingTimeInterval(24 * 3600 - 1)) != nil)
        #expect(try accounts.account(activating: issued.token, now: now.addingTimeInterval(24 * 3600)) == nil)
        #expect(throws: AccessError.notFound) {
            try accounts.activate(link: issued.token, password: "une phrase de passe bien longue", now: now.addingTimeInterval(25 * 3600))
        }
        #expect(try accounts.account(activating: "not-a-token", now: now) == nil)
    }

    @Test func aResidentIsNeverTurnedIntoAnAdministrator() throws {
        _ = try accounts.signUp(SignUpForm(email: "marie.petit@example.fr", password: "la loire coule vers l'ouest",
                                           displayName: "Marie Petit", communeInsee: "37123"), now: now)
        #expect(throws: StaffAccountError.addressTaken(.resident)) { try create("marie.petit@example.fr") }
        #expect(try !accounts.hasActiveAdministrator())
    }

    @Test func theAddressAndTheNameAreChecked() throws {
        do {
            _ = try accounts.createAdministrator(email: "pas une adresse", name: " ", links: TestLinks(), now: now)
            Issue.record("accepted")
        } catch StaffAccountError.invalid(let errors) {
            #expect(errors["email"] != nil)
            #expect(errors["name"] != nil)
        }
    }
}
