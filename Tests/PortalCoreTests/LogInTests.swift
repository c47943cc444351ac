import Foundation
import PortalCore
import Testing

@Suite("Accounts: log-in, throttling and sessions")
struct LogInTests {
    let accounts: Accounts
    let password = "la loire coule vers l'ouest"

    init() throws {
        accounts = Accounts(database: try TestSupport.database(), hasher: TestSupport.hasher)
        _ = try accounts.signUp(
            SignUpForm(email: "marie@example.fr", password: password, displayName: "Marie Petit", communeInsee: "37123"),
            now: TestSupport.now)
    }

    func minutes(_ count: Double) -> Date {
        TestSupport.now.addingTimeInterval(count * 60)
    }

    func logIn(_ email: String = "marie@example.fr", password: String, from address: String = "192.0.2.1",
               at date: Date) throws -> LogInResult {
        try accounts.logIn(email: email, password: password, remoteAddress: address, now: date)
    }

    func token(_ result: LogInResult) throws -> String {
        guard case .success(_, let token) = result else {
            throw LogInFailed(result: result)
        }
        return token
    }

    struct LogInFailed: Error { var result: LogInResult }

    @Test("A wrong password and an unknown e-mail get the same message")
    func failures() throws {
        let wrong = try logIn(password: "pas le bon mot de passe", at: minutes(0))
        let unknown = try logIn("personne@example.fr", password: password, at: minutes(0))
        #expect(wrong == .failure(message: "Adresse e-mail ou mot de passe incorrect."))
        #expect(unknown == wrong)
    }

    @Test("Five failures for an e-mail within 15 minutes throttle it, even with the right password")
    func throttlePerEmail() throws {
        for minute in 0..<5 {
            #expect(try logIn(password: "faux", from: "192.0.2.\(minute)", at: minutes(Double(minute))) == .failure(message: LogInResult.failureMessage))
        }
        let throttled = try logIn(password: password, from: "198.51.100.7", at: minutes(5))
        #expect(throttled == .throttled(message: "Trop de tentatives de connexion. Pour votre sécurité, réessayez dans 15 minutes."))
        // Another account from the same addresses is not affected.
        #expect(try logIn("autre@example.fr", password: "faux", at: minutes(5)) == .failure(message: LogInResult.failureMessage))
        // Once the first failures are older than 15 minutes, the right password works.
        _ = try token(try logIn(password: password, at: minutes(15.5)))
    }

    @Test("Failures for unknown e-mails count too")
    func unknownEmailCounted() throws {
        for minute in 0..<5 {
            _ = try logIn("inconnu@example.fr", password: "faux", at: minutes(Double(minute)))
        }
        #expect(try logIn("INCONNU@example.fr", password: "faux", at: minutes(6)) == .throttled(message: LogInResult.throttledMessage))
    }

    @Test("Twenty failures from one address throttle it, whatever the e-mail")
    func throttlePerAddress() throws {
        for attempt in 0..<20 {
            _ = try logIn("visiteur\(attempt)@example.fr", password: "faux", from: "203.0.113.9", at: minutes(Double(attempt) / 2))
        }
        #expect(try logIn(password: password, from: "203.0.113.9", at: minutes(10)) == .throttled(message: LogInResult.throttledMessage))
        _ = try token(try logIn(password: password, from: "203.0.113.10", at: minutes(10)))
    }

    @Test("A success clears the e-mail's failures")
    func successClears() throws {
        for minute in 0..<4 {
            _ = try logIn(password: "faux", at: minutes(Double(minute)))
        }
        _ = try token(try logIn(password: password, at: minutes(4)))
        for minute in 5..<9 {
            _ = try logIn(password: "faux", at: minutes(Double(minute)))
        }
        _ = try token(try logIn(password: password, at: minutes(9)))
    }

    @Test("A session token is 256 bits in base64url and finds the account")
    func session() throws {
        let token = try token(try logIn(password: password, at: minutes(0)))
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(try accounts.session(token: token, now: minutes(1))?.email == "marie@example.fr")
        #expect(try accounts.session(token: "not-a-token", now: minutes(1)) == nil)
    }

    @Test("A session opened right after sign-up finds the new account")
    func sessionAfterSignUp() throws {
        let account = try accounts.signUp(
            SignUpForm(email: "paul@example.fr", password: password, displayName: "Paul Petit", communeInsee: "37031"),
            now: minutes(0))
        let token = try accounts.openSession(for: account, now: minutes(0))
        #expect(try accounts.session(token: token, now: minutes(1))?.id == account.id)
    }

    @Test("A session ends after 30 minutes without activity")
    func idleExpiry() throws {
        let token = try token(try logIn(password: password, at: minutes(0)))
        #expect(try accounts.session(token: token, now: minutes(20)) != nil)
        #expect(try accounts.session(token: token, now: minutes(49)) != nil, "activity at 20 min kept it alive")
        #expect(try accounts.session(token: token, now: minutes(80)) == nil)
        #expect(try accounts.session(token: token, now: minutes(81)) == nil, "an expired session stays closed")
    }

    @Test("Activity is recorded at most once a minute")
    func touchInterval() throws {
        let token = try token(try logIn(password: password, at: minutes(0)))
        // Seen at 0:30, not recorded: idle time still counts from 0.
        #expect(try accounts.session(token: token, now: minutes(0.5)) != nil)
        #expect(try accounts.session(token: token, now: minutes(30.2)) == nil)
    }

    @Test("A session ends 12 hours after log-in, however active")
    func absoluteExpiry() throws {
        let token = try token(try logIn(password: password, at: minutes(0)))
        for minute in stride(from: 20.0, through: 700, by: 20) {
            #expect(try accounts.session(token: token, now: minutes(minute)) != nil)
        }
        #expect(try accounts.session(token: token, now: minutes(720)) == nil)
    }

    @Test("Logging out ends the session; unknown tokens are harmless")
    func logOut() throws {
        let token = try token(try logIn(password: password, at: minutes(0)))
        try accounts.logOut(token: token)
        #expect(try accounts.session(token: token, now: minutes(1)) == nil)
        try accounts.logOut(token: token)
        try accounts.logOut(token: "inconnu")
    }

    @Test("Each log-in opens a new session with a new token")
    func renewal() throws {
        let first = try token(try logIn(password: password, at: minutes(0)))
        let second = try token(try logIn(password: password, at: minutes(1)))
        #expect(first != second)
        try accounts.logOut(token: first)
        #expect(try accounts.session(token: second, now: minutes(2)) != nil)
    }

    @Test("Purging removes expired sessions and stale failures")
    func purgeExpired() throws {
        let stale = try token(try logIn(password: password, at: minutes(0)))
        _ = try logIn("inconnu@example.fr", password: "mauvais mot de passe", at: minutes(1))
        let live = try token(try logIn(password: password, at: minutes(31)))
        let report = try accounts.purgeExpiredRecords(now: minutes(45))
        #expect(report.sessions == 1)
        #expect(report.loginFailures == 1)
        #expect(try accounts.session(token: stale, now: minutes(45)) == nil)
        #expect(try accounts.session(token: live, now: minutes(45)) != nil)
    }

    @Test("Purging keeps the failures that still count for throttling")
    func purgeKeepsRecentFailures() throws {
        for minute in 40..<45 {
            _ = try logIn(password: "mauvais mot de passe", at: minutes(Double(minute)))
        }
        #expect(try accounts.purgeExpiredRecords(now: minutes(45)).loginFailures == 0)
        guard case .throttled = try logIn(password: password, at: minutes(46)) else {
            Issue.record("the recent failures were purged")
            return
        }
    }
}
