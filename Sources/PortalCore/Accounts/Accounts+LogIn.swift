import Foundation
import GRDB

extension Accounts {
    /// Failed log-ins are counted over this window.
    public static let throttleWindow: TimeInterval = 15 * 60
    /// Failures allowed per e-mail address within the window.
    public static let maximumFailuresPerEmail = 5
    /// Failures allowed per remote address within the window.
    public static let maximumFailuresPerAddress = 20

    /// Checks the credentials and, if they are right, opens a new session.
    ///
    /// Failures are recorded per e-mail (even unknown ones) and per remote
    /// address; past ``maximumFailuresPerEmail`` or ``maximumFailuresPerAddress``
    /// within ``throttleWindow`` the attempt is refused before checking the
    /// password. A success clears the failures of that e-mail. An unknown
    /// e-mail costs a hash too, so timing does not reveal which accounts exist.
    public func logIn(email: String, password: String, remoteAddress: String, now: Date) throws -> LogInResult {
        let email = EmailAddress.normalise(email)
        let since = now.addingTimeInterval(-Self.throttleWindow)
        let attempt = try database.pool.read { db -> Attempt in
            if try Self.isThrottled(email: email, remoteAddress: remoteAddress, since: since, db) { return .throttled }
            return .allowed(try Row.fetchOne(db, sql: "SELECT \(Account.columns) FROM account WHERE email = ?", arguments: [email]))
        }
        guard case .allowed(let candidate) = attempt else { return .throttled(message: LogInResult.throttledMessage) }
        let verified: Bool
        if let candidate {
            verified = hasher.verify(password, against: candidate["passwordHash"])
        } else {
            _ = try hasher.hash(password)
            verified = false
        }
        // A deactivated account is refused like a wrong password: the page reveals nothing of it.
        let deactivated = (candidate?["deactivatedAt"] as Date?) != nil
        guard verified, let row = candidate, !deactivated else {
            // A staff account's refused log-ins are security events, journaled for the administrators.
            let staff = try candidate.map(Account.init(row:)).flatMap { $0.role == .resident ? nil : $0 }
            try recordFailure(email: email, remoteAddress: remoteAddress, now: now) { db in
                guard let staff else { return }
                let reason = deactivated ? "compte désactivé" : "mot de passe erroné"
                try JournalEntry.record(.logInRefused, by: nil, actorName: "Inconnu (adresse \(remoteAddress))", about: .account(staff),
                                        summary: "Connexion refusée à \(staff.displayName) : \(reason)", now: now, db)
            }
            return .failure(message: LogInResult.failureMessage)
        }
        let account = try Account(row: row)
        let token = try database.pool.write { db in
            try db.execute(sql: "DELETE FROM login_failure WHERE email = ?", arguments: [email])
            if account.role != .resident {
                try JournalEntry.record(.logIn, by: account, about: .account(account),
                                        summary: "Connexion depuis l'adresse \(remoteAddress)", now: now, db)
            }
            return try SessionToken.open(for: account.id, now: now, db)
        }
        return .success(account, token: token)
    }

    /// Whether an attempt may proceed, with the account row of the e-mail if any.
    private enum Attempt {
        case throttled
        case allowed(Row?)
    }

    /// Too many recent failures for this e-mail or this remote address (log-ins and activation codes alike).
    static func isThrottled(email: String, remoteAddress: String, since: Date, _ db: Database) throws -> Bool {
        let byEmail = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM login_failure WHERE email = ? AND failedAt > ?", arguments: [email, since]) ?? 0
        let byAddress = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM login_failure WHERE remoteAddress = ? AND failedAt > ?", arguments: [remoteAddress, since]) ?? 0
        return byEmail >= maximumFailuresPerEmail || byAddress >= maximumFailuresPerAddress
    }

    /// Counts a failed attempt; `also` writes in the same transaction (a journal line).
    func recordFailure(email: String, remoteAddress: String, now: Date, also: (Database) throws -> Void = { _ in }) throws {
        try database.pool.write { db in
            try also(db)
            try db.execute(
                sql: "DELETE FROM login_failure WHERE failedAt <= ?",
                arguments: [now.addingTimeInterval(-Self.throttleWindow)])
            try db.execute(
                sql: "INSERT INTO login_failure (email, remoteAddress, failedAt) VALUES (?, ?, ?)",
                arguments: [email, remoteAddress, now])
        }
    }
}
