import Foundation
import GRDB

/// Changing a staff account's name, role and organisation.
extension Accounts {
    /// Gives the staff account `id` the name, role and organisation of `change`, effective at its next
    /// page; its sessions, history and assignments stay. Returns the account as changed.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator and `id` a staff account;
    ///   ``StaffAccountError/invalid(_:)`` with messages under `name`, `role` and `organisation`;
    ///   ``StaffAccountError/lastAdministrator`` when it would demote the last active administrator.
    public func change(_ id: Int64, to change: StaffChange, by actor: Account?, now: Date) throws -> Account {
        let member = try staffMember(id, by: actor, now: now)
        let changer = try Catalogue.administration(actor)
        let before = member.account
        var errors = ValidationErrors()
        let (_, name) = Self.identity(email: before.email, name: change.name, into: &errors)
        Self.checkScope(of: changer, role: change.role, organisations: change.organisationIds, into: &errors)
        // A manager changes only their own organisations' memberships; the others stay.
        let kept = changer.role == .manager ? before.organisationIds.filter { !changer.administers($0) } : []
        return try database.pool.write { db in
            let organisations = try Self.organisations(kept + change.organisationIds, for: change.role, into: &errors, db)
            guard errors.isEmpty else { throw StaffAccountError.invalid(errors) }
            if before.role == .admin, change.role != .admin, case .active = member.status,
               try Self.otherActiveAdministrators(than: id, db) == 0 {
                throw StaffAccountError.lastAdministrator
            }
            try db.execute(sql: "UPDATE account SET displayName = ?, role = ? WHERE id = ?", arguments: [name, change.role.rawValue, id])
            try Account.setMemberships(organisations.map(\.id), of: id, db)
            let after = try Account.fetch(id: id, db) ?? before
            guard after != before else { return after }
            try JournalEntry.record(.staffChanged, by: actor, about: .account(after),
                                    summary: try Self.changes(from: before, to: after, db),
                                    before: try JournalEntry.json(StaffRecord(before)),
                                    after: try JournalEntry.json(StaffRecord(after)), now: now, db)
            return after
        }
    }

    /// "Rôle : Agent → Administrateur ; Organisation : Mairie de Langeais → aucune".
    private static func changes(from before: Account, to after: Account, _ db: Database) throws -> String {
        func organisation(_ ids: [String]) throws -> String {
            let names = try ids.compactMap { try String.fetchOne(db, sql: "SELECT name FROM organisation WHERE id = ?", arguments: [$0]) }
            return names.isEmpty ? "aucune" : FrenchList.joined(names)
        }
        var parts: [String] = []
        if before.displayName != after.displayName { parts.append("Nom : \(before.displayName) → \(after.displayName)") }
        if before.role != after.role { parts.append("Rôle : \(before.role.label) → \(after.role.label)") }
        if before.organisationIds != after.organisationIds {
            parts.append("Organisation : \(try organisation(before.organisationIds)) → \(try organisation(after.organisationIds))")
        }
        return parts.joined(separator: " ; ")
    }
}
