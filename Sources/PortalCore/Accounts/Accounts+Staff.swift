import Foundation
import GRDB

extension Accounts {
    /// Every staff account (agents, advisers, administrators), by name, with where it stands.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator.
    public func staff(actor: Account?, now: Date) throws -> [StaffMember] {
        guard let actor else { throw AccessError.unauthenticated }
        guard actor.acting(as: .admin) != nil else { throw AccessError.notFound }
        return try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT account.*, account.passwordHash = ? AS invited,
                  (SELECT MAX(expiresAt) FROM account_link
                   WHERE accountId = account.id AND usedAt IS NULL AND voidedAt IS NULL AND expiresAt > ?) AS linkExpiresAt
                FROM account WHERE role <> ? ORDER BY displayName COLLATE NOCASE, id
                """, arguments: [Self.noPassword, now, Role.resident.rawValue]).map { row in
                let status: StaffMember.Status = if let since: Date = row["deactivatedAt"] {
                    .deactivated(since: since)
                } else if row["invited"] {
                    .invited(linkExpiresAt: row["linkExpiresAt"])
                } else {
                    .active
                }
                return StaffMember(account: try Account(row: row), status: status, lastLogInAt: row["lastLogInAt"])
            }
        }
    }

    /// Sends a new invitation link to the pending staff account `id`, voiding the old one.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator and the account is a staff
    ///   account still waiting for its password.
    public func resendInvitation(to id: Int64, by actor: Account?, links: any PortalLinks, now: Date) throws -> AccountLink.Issued {
        let member = try staff(actor: actor, now: now).first { $0.account.id == id }
        guard let member, case .invited = member.status else { throw AccessError.notFound }
        return try invite(StaffInvitation(email: member.account.email, name: member.account.displayName,
                                          role: member.account.role, organisationId: member.account.organisationId),
                          by: actor, links: links, now: now)
    }
}

/// Deactivating and reactivating staff accounts.
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
    /// in; its history and assignments stay.
    ///
    /// - Throws: ``AccessError`` as ``openAssignments(of:by:now:)``; ``StaffAccountError/lastAdministrator``
    ///   for the last active administrator.
    public func deactivate(_ id: Int64, by actor: Account?, now: Date) throws {
        _ = try staffMember(id, by: actor, now: now)
        try database.pool.write { db in
            let otherAdministrators = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM account WHERE role = ? AND id <> ? AND deactivatedAt IS NULL AND passwordHash <> ?
                """, arguments: [Role.admin.rawValue, id, Self.noPassword]) ?? 0
            let role = try String.fetchOne(db, sql: "SELECT role FROM account WHERE id = ?", arguments: [id])
            if role == Role.admin.rawValue, otherAdministrators == 0 { throw StaffAccountError.lastAdministrator }
            try db.execute(sql: "UPDATE account SET deactivatedAt = COALESCE(deactivatedAt, ?) WHERE id = ?", arguments: [now, id])
            try db.execute(sql: "DELETE FROM session WHERE accountId = ?", arguments: [id])
            try db.execute(sql: "UPDATE account_link SET voidedAt = ? WHERE accountId = ? AND usedAt IS NULL AND voidedAt IS NULL",
                           arguments: [now, id])
        }
    }

    /// Lets the deactivated staff account `id` log in again, with the password it had.
    ///
    /// - Throws: ``AccessError`` as ``openAssignments(of:by:now:)``.
    public func reactivate(_ id: Int64, by actor: Account?, now: Date) throws {
        _ = try staffMember(id, by: actor, now: now)
        try database.pool.write { db in
            try db.execute(sql: "UPDATE account SET deactivatedAt = NULL WHERE id = ?", arguments: [id])
        }
    }

    private func staffMember(_ id: Int64, by actor: Account?, now: Date) throws -> StaffMember {
        guard let member = try staff(actor: actor, now: now).first(where: { $0.account.id == id }) else { throw AccessError.notFound }
        return member
    }
}
