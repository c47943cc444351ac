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
                StaffMember(account: try Account(row: row),
                            status: row["invited"] ? .invited(linkExpiresAt: row["linkExpiresAt"]) : .active,
                            lastLogInAt: row["lastLogInAt"])
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
