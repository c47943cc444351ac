import Foundation
import GRDB

/// Why an administrator account could not be created.
public enum AdministratorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address or name is not acceptable (French messages under `email` and `name`).
    case invalid(ValidationErrors)
    /// The address belongs to an account of another role, which never silently becomes an administrator.
    case addressTaken(Role)

    public var description: String {
        switch self {
        case .invalid(let errors): errors.errors.map(\.message).joined(separator: " ")
        case .addressTaken(let role):
            "Un compte existe déjà avec cette adresse (\(role.label.lowercased())) : il ne devient pas administrateur. Choisissez une autre adresse."
        }
    }
}

extension Accounts {
    /// Creates an administrator account without a password, or gives a new link to an existing
    /// administrator who has not chosen one yet or lost it; the link (valid
    /// ``AccountLink/activationLifetime``) voids the older ones and is also e-mailed.
    ///
    /// - Throws: ``AdministratorError``.
    public func createAdministrator(email: String, name: String, links: any PortalLinks, now: Date) throws -> AccountLink.Issued {
        let email = EmailAddress.normalise(email)
        var errors = ValidationErrors()
        if !EmailAddress.isValid(email) { errors.add("Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.", for: "email") }
        let name = errors.singleLine(name, subject: "Le nom", for: "name")
        if name.isEmpty { errors.add("Saisissez le prénom et le nom de la personne.", for: "name") }
        if name.count > Self.maximumNameLength { errors.add("Le nom doit contenir au plus \(Self.maximumNameLength) caractères.", for: "name") }
        guard errors.isEmpty else { throw AdministratorError.invalid(errors) }
        return try database.pool.write { db in
            let account: Account
            if let existing = try Account.fetch(email: email, db) {
                guard existing.role == .admin else { throw AdministratorError.addressTaken(existing.role) }
                account = existing
            } else {
                // No password yet: "!" matches no scrypt hash, so nobody can log in before the link is followed.
                account = try Account.insert(email: email, displayName: name, communeInsee: nil, role: .admin,
                                             organisationId: nil, passwordHash: "!", createdAt: now, into: db)
            }
            let token = try AccountLink.issue(.activation, for: account.id, lifetime: AccountLink.activationLifetime, now: now, db)
            let issued = AccountLink.Issued(account: account, token: token, url: links.accountActivation(token: token),
                                            expiresAt: now.addingTimeInterval(AccountLink.activationLifetime))
            try Outbox.enqueue(AccountNotifications.administratorActivation(issued), now: now, db)
            return issued
        }
    }

    /// Whether an administrator has chosen a password: until one has, the server says how to create one.
    public func hasActiveAdministrator() throws -> Bool {
        try database.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account WHERE role = ? AND passwordHash <> '!')",
                              arguments: [Role.admin.rawValue]) ?? false
        }
    }

    /// The account an activation link carrying `token` is for, while the link is valid.
    public func account(activating token: String, now: Date) throws -> Account? {
        try database.pool.read { db in try AccountLink.valid(token, purpose: .activation, now: now, db)?.0 }
    }

    /// Sets the password of the account of the activation link `token`, uses the link up and opens
    /// a session; returns the account and the session's token.
    ///
    /// - Throws: ``AdministratorError/invalid(_:)`` with the password's problem under `password`, or
    ///   ``AccessError/notFound`` when the link is not (or no longer) valid.
    public func activate(link token: String, password: String, now: Date) throws -> (Account, String) {
        guard let account = try account(activating: token, now: now) else { throw AccessError.notFound }
        if let problem = PasswordPolicy.problem(with: password, email: account.email) {
            var errors = ValidationErrors()
            errors.add(problem, for: "password")
            throw AdministratorError.invalid(errors)
        }
        let hash = try hasher.hash(password)
        return try database.pool.write { db in
            // Checked again in the transaction: the same link posted twice sets one password.
            guard let (account, link) = try AccountLink.valid(token, purpose: .activation, now: now, db) else { throw AccessError.notFound }
            try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE id = ?", arguments: [hash, account.id])
            try db.execute(sql: "UPDATE account_link SET usedAt = ? WHERE id = ?", arguments: [now, link])
            return (account, try SessionToken.open(for: account.id, now: now, db))
        }
    }
}
