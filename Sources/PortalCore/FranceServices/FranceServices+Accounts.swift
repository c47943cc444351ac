import Foundation
import GRDB

extension FranceServices {
    /// An account created at the counter, and the code the resident chooses their password with
    /// (printed for them, and e-mailed); the adviser never knows the password.
    public struct CreatedAccount: Sendable {
        public var account: Account
        public var activationCode: String
    }

    /// Creates the account of a resident who has none, with them at the counter. Field names:
    /// `displayName`, `email`, `commune`, `naissance`.
    public func createAccount(displayName: String, email: String, communeInsee: String, birthDate: String,
                              adviser: Account?, now: Date) throws -> CreatedAccount {
        let adviser = try Self.adviser(adviser)
        let email = EmailAddress.normalise(email)
        let commune = communeInsee.trimmingCharacters(in: .whitespaces), birth = birthDate.trimmingCharacters(in: .whitespaces)
        var errors = ValidationErrors()
        let name = errors.singleLine(displayName, subject: "Le nom de la personne", for: "displayName")
        if name.isEmpty { errors.add("Saisissez le nom de la personne.", for: "displayName") }
        if name.count > Accounts.maximumNameLength { errors.add("Le nom doit contenir au plus \(Accounts.maximumNameLength) caractères.", for: "displayName") }
        if !EmailAddress.isValid(email) { errors.add("Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.", for: "email") }
        if catalogue.commune(insee: commune) == nil { errors.add("Choisissez la commune de la personne dans la liste.", for: "commune") }
        let day = birth.isEmpty ? nil : CalendarDay(typed: birth)
        if birth.isEmpty || day == nil || CalendarDay(now) < day! {
            errors.add("Saisissez la date de naissance au format JJ/MM/AAAA.", for: "naissance")
        }
        guard errors.isEmpty, let day else { throw FranceServicesError.invalid(errors) }
        let code = Self.makeCode()
        let site = catalogue.organisation(id: adviser.organisationId ?? "")?.name ?? "France Services"
        do {
            return try database.pool.write { db in
                // No password yet: "!" matches no scrypt hash, so nobody can log in before the resident chooses one.
                var account = try Account.insert(email: email, displayName: name, communeInsee: commune, role: .resident,
                                                 organisationId: nil, passwordHash: "!", createdAt: now, into: db)
                try db.execute(sql: "UPDATE account SET birthDate = ? WHERE id = ?", arguments: [day.iso, account.id])
                account.birthDate = day
                try db.execute(sql: """
                    INSERT INTO account_activation (accountId, codeDigest, createdAt, expiresAt) VALUES (?, ?, ?, ?)
                    """, arguments: [account.id, Self.digest(code), now, now.addingTimeInterval(Self.activationLifetime)])
                try Outbox.enqueue(notifications.activation(to: account, code: code, site: site), now: now, db)
                try AuditEntry.record(.accountCreated, adviser: adviser, resident: account.id, mandate: nil,
                                      detail: "Compte créé au guichet \(site) pour \(name) (\(email))", at: now, db)
                return CreatedAccount(account: account, activationCode: code)
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            errors.add("Un compte existe déjà avec cette adresse e-mail : cherchez la personne plutôt que de lui créer un compte.", for: "email")
            throw FranceServicesError.invalid(errors)
        }
    }
}

extension Accounts {
    /// A resident chooses their password with the code given at the counter. Field names:
    /// `email`, `code`, `password`. The same message answers an unknown address and a wrong code;
    /// wrong codes count as failed log-ins, so guessing is throttled as log-ins are.
    public func activate(email: String, code: String, password: String, remoteAddress: String, now: Date) throws -> Account {
        let email = EmailAddress.normalise(email)
        var errors = ValidationErrors()
        let since = now.addingTimeInterval(-Self.throttleWindow)
        guard try !database.pool.read({ db in try Self.isThrottled(email: email, remoteAddress: remoteAddress, since: since, db) }) else {
            errors.add(LogInResult.throttledMessage, for: "code")
            throw FranceServicesError.invalid(errors)
        }
        if let problem = PasswordPolicy.problem(with: password, email: email) { errors.add(problem, for: "password") }
        let digest = FranceServices.digest(code)
        let found = try database.pool.read { db -> (Account, Int64)? in
            guard let account = try Account.fetch(email: email, db),
                  let activation = try Int64.fetchOne(db, sql: """
                    SELECT id FROM account_activation WHERE accountId = ? AND codeDigest = ? AND usedAt IS NULL AND expiresAt > ?
                    """, arguments: [account.id, digest, now]) else { return nil }
            return (account, activation)
        }
        if found == nil {
            try recordFailure(email: email, remoteAddress: remoteAddress, now: now)
            errors.add("Cette adresse e-mail et ce code ne correspondent pas, ou le code a expiré. Vérifiez-les, ou demandez un nouveau code au guichet.", for: "code")
        }
        guard errors.isEmpty, let (account, activation) = found else { throw FranceServicesError.invalid(errors) }
        let hash = try hasher.hash(password)
        try database.pool.write { db in
            try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE id = ?", arguments: [hash, account.id])
            try db.execute(sql: "UPDATE account_activation SET usedAt = ? WHERE id = ?", arguments: [now, activation])
        }
        return account
    }
}
