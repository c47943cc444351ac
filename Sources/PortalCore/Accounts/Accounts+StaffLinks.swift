import Foundation
import GRDB

/// Staff accounts are never made by signing up: an administrator is created from the command line,
/// the others are invited. Either way the account has no password until its one-time link is followed.
extension Accounts {
    /// Creates an administrator account without a password, or gives a new link to an existing
    /// administrator who has not chosen one yet or lost it; the link (valid
    /// ``AccountLink/Purpose/activation``'s lifetime) voids the older ones and is also e-mailed.
    ///
    /// This is the command line's way in, for the first administrator: it checks no actor.
    ///
    /// - Throws: ``StaffAccountError``.
    public func createAdministrator(email: String, name: String, links: any PortalLinks, now: Date) throws -> AccountLink.Issued {
        var errors = ValidationErrors()
        let (email, name) = Self.identity(email: email, name: name, into: &errors)
        guard errors.isEmpty else { throw StaffAccountError.invalid(errors) }
        return try database.pool.write { db in
            let account: Account
            if let existing = try Account.fetch(email: email, db) {
                guard existing.role == .admin else { throw StaffAccountError.addressTaken(existing.role) }
                account = existing
            } else {
                account = try Account.insert(email: email, displayName: name, communeInsee: nil, role: .admin,
                                             organisationId: nil, passwordHash: Self.noPassword, createdAt: now, into: db)
            }
            let issued = try AccountLink.issue(.activation, for: account, links: links, now: now, db)
            try Outbox.enqueue(AccountNotifications.administratorActivation(issued), now: now, db)
            try JournalEntry.record(.staffInvited, by: nil, about: .account(account),
                                    summary: "\(account.displayName) <\(account.email)> (administrateur) : lien d'activation valable 24 heures",
                                    after: try JournalEntry.json(StaffRecord(account)), now: now, db)
            return issued
        }
    }

    /// Invites a member of staff: creates their account without a password and e-mails a link
    /// (valid ``AccountLink/Purpose/invitation``'s lifetime, once) to choose one. Inviting again an
    /// address still pending with the same role sends a new link, voids the old one and takes the
    /// new name and organisation.
    ///
    /// A manager invites agents and managers into their own organisations only.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator or a manager; ``StaffAccountError/invalid(_:)``
    ///   with messages under `email`, `name`, `role` and `organisation`;
    ///   ``StaffAccountError/addressTaken(_:)`` when the address has an active account or another role.
    public func invite(_ invitation: StaffInvitation, by actor: Account?, links: any PortalLinks, now: Date) throws -> AccountLink.Issued {
        let inviter = try Catalogue.administration(actor)
        var errors = ValidationErrors()
        let (email, name) = Self.identity(email: invitation.email, name: invitation.name, into: &errors)
        Self.checkScope(of: inviter, role: invitation.role, organisations: invitation.organisationIds, into: &errors)
        return try database.pool.write { db in
            let organisations = try Self.organisations(invitation.organisationIds, for: invitation.role, into: &errors, db)
            guard errors.isEmpty else { throw StaffAccountError.invalid(errors) }
            let account: Account
            var existing: Account
            if let found = try Account.fetch(email: email, db) {
                existing = found
                let pending = try String.fetchOne(db, sql: "SELECT passwordHash FROM account WHERE id = ?",
                                                  arguments: [existing.id]) == Self.noPassword
                guard pending, existing.role == invitation.role else { throw StaffAccountError.addressTaken(existing.role) }
                // A revoked invitation sent again comes back to life.
                try db.execute(sql: "UPDATE account SET displayName = ?, deactivatedAt = NULL WHERE id = ?", arguments: [name, existing.id])
            } else {
                existing = try Account.insert(email: email, displayName: name, communeInsee: nil, role: invitation.role,
                                              organisationId: nil, passwordHash: Self.noPassword, createdAt: now, into: db)
            }
            try Account.setMemberships(organisations.map(\.id), of: existing.id, db)
            account = try Account.fetch(id: existing.id, db) ?? existing
            let issued = try AccountLink.issue(.invitation, for: account, links: links, now: now, db)
            let places = organisations.isEmpty ? nil : FrenchList.joined(organisations.map(\.name))
            try Outbox.enqueue(AccountNotifications.invitation(issued, from: inviter, organisation: places), now: now, db)
            let role = places.map { "\(account.role.label.lowercased()), \($0)" } ?? account.role.label.lowercased()
            try JournalEntry.record(.staffInvited, by: inviter, about: .account(account),
                                    summary: "\(account.displayName) <\(account.email)> (\(role)) : lien valable 7 jours",
                                    after: try JournalEntry.json(StaffRecord(account)), now: now, db)
            return issued
        }
    }

    /// Whether an administrator has chosen a password: until one has, the server says how to create one.
    public func hasActiveAdministrator() throws -> Bool {
        try database.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account WHERE role = ? AND passwordHash <> ?)",
                              arguments: [Role.admin.rawValue, Self.noPassword]) ?? false
        }
    }

    /// The account an activation or invitation link carrying `token` is for, while the link is valid.
    public func account(activating token: String, now: Date) throws -> Account? {
        try database.pool.read { db in try AccountLink.valid(token, purposes: AccountLink.Purpose.choosingPassword, now: now, db)?.0 }
    }

    /// Sets the password of the account of the activation or invitation link `token`, uses the link
    /// up and opens a session; returns the account and the session's token.
    ///
    /// - Throws: ``StaffAccountError/invalid(_:)`` with the password's problem under `password`, or
    ///   ``AccessError/notFound`` when the link is not (or no longer) valid.
    public func activate(link token: String, password: String, now: Date) throws -> (Account, String) {
        guard let account = try account(activating: token, now: now) else { throw AccessError.notFound }
        if let problem = PasswordPolicy.problem(with: password, email: account.email) {
            var errors = ValidationErrors()
            errors.add(problem, for: "password")
            throw StaffAccountError.invalid(errors)
        }
        let hash = try hasher.hash(password)
        return try database.pool.write { db in
            // Checked again in the transaction: the same link posted twice sets one password.
            guard let (account, link) = try AccountLink.valid(token, purposes: AccountLink.Purpose.choosingPassword, now: now, db) else {
                throw AccessError.notFound
            }
            try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE id = ?", arguments: [hash, account.id])
            try db.execute(sql: "UPDATE account_link SET usedAt = ? WHERE id = ?", arguments: [now, link])
            if account.role != .resident {
                try JournalEntry.record(.staffActivated, by: account, about: .account(account),
                                        summary: "\(account.displayName) a choisi son mot de passe", now: now, db)
            }
            return (account, try SessionToken.open(for: account.id, now: now, db))
        }
    }

    /// The stored hash of an account that has no password yet: it matches no scrypt hash, so nobody
    /// can log in before the account's link is followed.
    static let noPassword = "!"

    /// What a manager may give: the roles agent and manager, in their own organisations; problems go
    /// under `role` and `organisation`. An administrator may give anything.
    static func checkScope(of actor: Account, role: Role, organisations: [String], into errors: inout ValidationErrors) {
        guard actor.role == .manager else { return }
        if !Role.processingDossiers.contains(role) {
            errors.add("En tant que responsable, vous donnez le rôle d'agent ou de responsable d'organisation.", for: "role")
        }
        if organisations.contains(where: { !actor.organisationIds.contains($0) }) {
            errors.add("Choisissez parmi vos organisations.", for: "organisation")
        }
    }

    /// The address, normalised, and the name, on one line; problems go under `email` and `name`.
    static func identity(email: String, name: String, into errors: inout ValidationErrors) -> (String, String) {
        let email = EmailAddress.normalise(email)
        if !EmailAddress.isValid(email) { errors.add("Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.", for: "email") }
        let name = errors.singleLine(name, subject: "Le nom", for: "name")
        if name.isEmpty { errors.add("Saisissez le prénom et le nom de la personne.", for: "name") }
        if name.count > maximumNameLength { errors.add("Le nom doit contenir au plus \(maximumNameLength) caractères.", for: "name") }
        return (email, name)
    }

    /// The organisation an invited agent or adviser joins (none for an administrator); problems go
    /// under `role` and `organisation`.
    static func organisations(_ ids: [String], for role: Role, into errors: inout ValidationErrors,
                              _ db: Database) throws -> [(id: String, name: String)] {
        let kinds: [Organisation.Kind]
        switch role {
        case .resident:
            errors.add("Choisissez le rôle de la personne dans l'équipe.", for: "role")
            return []
        case .admin:
            return []
        case .agent, .manager:
            kinds = [.intercommunality, .intercommunalService, .mairie]
        case .franceServices:
            kinds = [.franceServices]
        }
        var chosen: [(id: String, name: String)] = []
        var foreign = false
        for id in ids where !chosen.contains(where: { $0.id == id }) {
            guard let row = try Row.fetchOne(db, sql: "SELECT id, name, kind FROM organisation WHERE id = ?", arguments: [id]),
                  let kind = Organisation.Kind(rawValue: row["kind"]) else { continue }
            if kinds.contains(kind) { chosen.append((row["id"], row["name"])) } else { foreign = true }
        }
        let processing = Role.processingDossiers.contains(role)
        if processing, foreign {
            errors.add("Un agent travaille dans des mairies ou des services de la CCTOVAL : décochez les autres organisations.",
                       for: "organisation")
        } else if processing, chosen.isEmpty {
            errors.add("Choisissez la mairie ou le service de la CCTOVAL où la personne travaille (plusieurs si elle en sert plusieurs).",
                       for: "organisation")
        } else if role == .franceServices, chosen.count != 1 || foreign {
            errors.add("Choisissez l'espace France Services où la personne reçoit le public, et lui seul.", for: "organisation")
        }
        return chosen
    }
}
