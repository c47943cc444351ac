import Foundation
import GRDB

extension Accounts {
    /// Every staff account (agents, managers, advisers, administrators), by name, with where it
    /// stands; for a manager, the agents and managers of their organisations.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator or a manager.
    public func staff(actor: Account?, now: Date) throws -> [StaffMember] {
        let actor = try Catalogue.administration(actor)
        let all = try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Account.columns), account.passwordHash = ? AS invited,
                  (SELECT MAX(expiresAt) FROM account_link
                   WHERE accountId = account.id AND usedAt IS NULL AND voidedAt IS NULL AND expiresAt > ?) AS linkExpiresAt
                FROM account WHERE role <> ? ORDER BY displayName COLLATE NOCASE, id
                """, arguments: [Self.noPassword, now, Role.resident.rawValue]).map { row in
                let invited: Bool = row["invited"]
                let status: StaffMember.Status = if let since: Date = row["deactivatedAt"] {
                    invited ? .revoked(since: since) : .deactivated(since: since)
                } else if invited {
                    .invited(linkExpiresAt: row["linkExpiresAt"])
                } else {
                    .active
                }
                return StaffMember(account: try Account(row: row), status: status, lastLogInAt: row["lastLogInAt"])
            }
        }
        guard actor.role == .manager else { return all }
        return all.filter { member in
            Role.processingDossiers.contains(member.account.role) && member.account.organisationIds.contains(where: actor.administers)
        }
    }

    /// Sends a new invitation link to the staff account `id` still waiting for its password (or whose
    /// invitation was revoked), voiding the old one.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator and the account is a staff
    ///   account without a password.
    public func resendInvitation(to id: Int64, by actor: Account?, links: any PortalLinks, now: Date) throws -> AccountLink.Issued {
        let member = try staffMember(id, by: actor, now: now)
        switch member.status {
        case .invited, .revoked: break
        case .active, .deactivated: throw AccessError.notFound
        }
        return try invite(StaffInvitation(email: member.account.email, name: member.account.displayName,
                                          role: member.account.role, organisationIds: member.account.organisationIds),
                          by: actor, links: links, now: now)
    }

    /// The staff account `id`, for a page about it.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator and `id` a staff account.
    public func staffMember(_ id: Int64, by actor: Account?, now: Date) throws -> StaffMember {
        guard let member = try staff(actor: actor, now: now).first(where: { $0.account.id == id }) else { throw AccessError.notFound }
        return member
    }

    /// A manager deactivates only accounts all of whose organisations are theirs: one serving
    /// another organisation too loses its membership instead (``change(_:to:by:now:)``).
    static func checkWhole(_ account: Account, by actor: Account) throws {
        guard actor.role == .manager, account.organisationIds.contains(where: { !actor.administers($0) }) else { return }
        throw StaffAccountError.sharedAccount
    }

    /// How many active administrators other than `id` there are: the portal keeps at least one.
    static func otherActiveAdministrators(than id: Int64, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM account WHERE role = ? AND id <> ? AND deactivatedAt IS NULL AND passwordHash <> ?
            """, arguments: [Role.admin.rawValue, id, Self.noPassword]) ?? 0
    }
}

/// Deactivating and reactivating staff accounts, and revoking invitations.
extension Accounts {
    /// The dossiers assigned to the staff account `id` and not closed: what to hand over when it is deactivated.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator and `id` a staff account.
    public func openAssignments(of id: Int64, by actor: Account?, now: Date) throws -> (StaffMember, count: Int) {
        let member = try staffMember(id, by: actor, now: now)
        let count = try database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier WHERE assignedAgentId = ? AND status IN (?, ?, ?)",
                             arguments: [id, DossierStatus.filed.rawValue, DossierStatus.inReview.rawValue,
                                         DossierStatus.awaitingDocuments.rawValue]) ?? 0
        }
        return (member, count)
    }

    /// Deactivates the staff account `id` at once: its sessions end, its links are void, it cannot log
    /// in; its history and assignments stay. For an account still invited, this revokes the invitation.
    ///
    /// Deactivating twice changes nothing.
    ///
    /// - Throws: ``AccessError`` as ``openAssignments(of:by:now:)``; ``StaffAccountError/lastAdministrator``
    ///   for the last active administrator.
    public func deactivate(_ id: Int64, by actor: Account?, now: Date) throws {
        let member = try staffMember(id, by: actor, now: now)
        try Self.checkWhole(member.account, by: try Catalogue.administration(actor))
        let action: JournalEntry.Action
        switch member.status {
        case .active: action = .staffDeactivated
        case .invited: action = .invitationRevoked
        case .deactivated, .revoked: return
        }
        try database.pool.write { db in
            if member.account.role == .admin, try Self.otherActiveAdministrators(than: id, db) == 0 {
                throw StaffAccountError.lastAdministrator
            }
            try db.execute(sql: "UPDATE account SET deactivatedAt = ? WHERE id = ?", arguments: [now, id])
            try db.execute(sql: "DELETE FROM session WHERE accountId = ?", arguments: [id])
            try db.execute(sql: "UPDATE account_link SET voidedAt = ? WHERE accountId = ? AND usedAt IS NULL AND voidedAt IS NULL",
                           arguments: [now, id])
            let summary = action == .staffDeactivated
                ? "\(member.account.displayName) ne peut plus se connecter ; ses sessions sont fermées"
                : "Le lien envoyé à \(member.account.displayName) <\(member.account.email)> ne fonctionne plus"
            try JournalEntry.record(action, by: actor, about: .account(member.account), summary: summary, now: now, db)
        }
    }

    /// Lets the deactivated staff account `id` log in again, with the password it had; an active
    /// account is left as it is.
    ///
    /// - Throws: ``AccessError`` as ``openAssignments(of:by:now:)``, or for an invitation (which is sent again instead).
    public func reactivate(_ id: Int64, by actor: Account?, now: Date) throws {
        let member = try staffMember(id, by: actor, now: now)
        try Self.checkWhole(member.account, by: try Catalogue.administration(actor))
        switch member.status {
        case .deactivated: break
        case .active: return
        case .invited, .revoked: throw AccessError.notFound
        }
        try database.pool.write { db in
            try db.execute(sql: "UPDATE account SET deactivatedAt = NULL WHERE id = ?", arguments: [id])
            try JournalEntry.record(.staffReactivated, by: actor, about: .account(member.account),
                                    summary: "\(member.account.displayName) peut de nouveau se connecter", now: now, db)
        }
    }
}
