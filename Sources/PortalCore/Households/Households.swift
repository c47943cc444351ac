import Foundation
import GRDB

/// Household use cases: a résident keeps their foyer — the adults responsible for it (a second
/// one joins by invitation), the children, and the documents services ask for, each valid for a
/// time and reused wherever it is asked. Only the household's adults see or change it.
public struct Households: Sendable {
    public let database: PortalDatabase
    public let files: FileStore
    public let notifications: HouseholdNotifications

    /// How long an invitation to join stays open.
    public static let invitationLifetime: TimeInterval = 14 * 24 * 3600

    public init(database: PortalDatabase, links: any PortalLinks) throws {
        self.database = database
        self.files = try FileStore(
            database: database,
            directory: URL(fileURLWithPath: database.path).deletingLastPathComponent().appendingPathComponent("files", isDirectory: true))
        self.notifications = HouseholdNotifications(links: links)
    }

    /// The résident's household, opened (with them as its first adult) the first time.
    public func household(of actor: Account?, now: Date) throws -> Household {
        guard let actor = actor?.acting(as: .resident) else { throw HouseholdError.notFound }
        return try database.pool.write { db in
            let id = try Self.householdId(of: actor, now: now, db)
            return try Self.fetch(id, now: now, db)
        }
    }

    /// Adds a child to the résident's household.
    public func addChild(_ form: ChildForm, actor: Account?, now: Date) throws -> HouseholdMember {
        guard let actor = actor?.acting(as: .resident) else { throw HouseholdError.notFound }
        let child = try Self.check(form, today: CalendarDay(now))
        return try database.pool.write { db in
            let household = try Self.householdId(of: actor, now: now, db)
            try db.execute(
                sql: """
                    INSERT INTO household_member (householdId, kind, firstName, lastName, birthDate, school, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [household, HouseholdMember.Kind.child.rawValue, child.firstName, child.lastName, child.birthDate.iso,
                            child.school, now])
            return try HouseholdMember.fetchAll(householdId: household, db).first { $0.id == db.lastInsertedRowID }!
        }
    }

    /// Corrects a child of the résident's household.
    public func updateChild(_ memberId: Int64, _ form: ChildForm, actor: Account?, now: Date) throws -> HouseholdMember {
        guard let actor = actor?.acting(as: .resident) else { throw HouseholdError.notFound }
        let child = try Self.check(form, today: CalendarDay(now))
        return try database.pool.write { db in
            let household = try Self.householdId(of: actor, now: now, db)
            try db.execute(
                sql: "UPDATE household_member SET firstName = ?, lastName = ?, birthDate = ?, school = ? WHERE id = ? AND householdId = ? AND kind = ?",
                arguments: [child.firstName, child.lastName, child.birthDate.iso, child.school, memberId, household,
                            HouseholdMember.Kind.child.rawValue])
            guard db.changesCount == 1 else { throw HouseholdError.notFound }
            return try HouseholdMember.fetchAll(householdId: household, db).first { $0.id == memberId }!
        }
    }

    /// Invites a second adult by e-mail to share the household; returns the invitation's token
    /// (sent in the e-mail's link, kept only as a digest).
    @discardableResult
    public func invite(email: String, actor: Account?, now: Date) throws -> String {
        guard let actor = actor?.acting(as: .resident) else { throw HouseholdError.notFound }
        let address = EmailAddress.normalise(email)
        var errors = ValidationErrors()
        if !EmailAddress.isValid(address) {
            errors.add("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.", for: "email")
        } else if address == actor.email {
            errors.add("Saisissez l'adresse de l'autre adulte, pas la vôtre.", for: "email")
        }
        guard errors.isEmpty else { throw HouseholdError.invalid(errors) }
        let token = RandomToken.make()
        try database.pool.write { db in
            let household = try Self.householdId(of: actor, now: now, db)
            try db.execute(
                sql: """
                    INSERT INTO household_invitation (householdId, email, tokenDigest, invitedBy, createdAt, expiresAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [household, address, SessionToken.digest(token), actor.id, now, now.addingTimeInterval(Self.invitationLifetime)])
            try Outbox.enqueue(notifications.invitation(from: actor.displayName, to: address, token: token), now: now, db)
        }
        return token
    }

    /// The invited résident (logged in with the invited address) joins the household of the
    /// invitation; a household of their own with
    /// no child and no other adult is left behind, anything more is refused.
    public func acceptInvitation(token: String, actor: Account?, now: Date) throws -> Household {
        guard let actor = actor?.acting(as: .resident) else { throw HouseholdError.notFound }
        return try database.pool.write { db in
            guard let invitation = try Row.fetchOne(db, sql: """
                SELECT * FROM household_invitation WHERE tokenDigest = ? AND acceptedAt IS NULL AND expiresAt > ?
                """, arguments: [SessionToken.digest(token), now]), invitation["email"] == actor.email
            else { throw HouseholdError.invitationInvalid }
            let target: Int64 = invitation["householdId"]
            if let current = try Int64.fetchOne(db, sql: "SELECT householdId FROM household_member WHERE accountId = ?", arguments: [actor.id]) {
                guard current != target else { return try Self.fetch(target, now: now, db) }
                let others = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household_member WHERE householdId = ? AND (accountId IS NULL OR accountId != ?)",
                                              arguments: [current, actor.id]) ?? 0
                guard others == 0 else { throw HouseholdError.alreadyInAnotherHousehold }
                try db.execute(sql: "DELETE FROM household WHERE id = ?", arguments: [current])
            }
            try Self.addAdult(actor, to: target, now: now, db)
            try db.execute(sql: "UPDATE household_invitation SET acceptedAt = ? WHERE id = ?", arguments: [now, invitation["id"] as Int64])
            return try Self.fetch(target, now: now, db)
        }
    }

    /// The household of a résident, created with them as its first adult when they have none.
    static func householdId(of actor: Account, now: Date, _ db: Database) throws -> Int64 {
        guard try actor.mayAct(in: .family, now: now, db) else { throw HouseholdError.notFound }
        if let id = try Int64.fetchOne(db, sql: "SELECT householdId FROM household_member WHERE accountId = ?", arguments: [actor.id]) {
            return id
        }
        try db.execute(sql: "INSERT INTO household (createdAt) VALUES (?)", arguments: [now])
        let id = db.lastInsertedRowID
        try addAdult(actor, to: id, now: now, db)
        return id
    }

    private static func addAdult(_ account: Account, to household: Int64, now: Date, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO household_member (householdId, kind, accountId, firstName, lastName, createdAt) VALUES (?, ?, ?, ?, '', ?)",
            arguments: [household, HouseholdMember.Kind.adult.rawValue, account.id, account.displayName, now])
    }

    static func fetch(_ id: Int64, now: Date, _ db: Database) throws -> Household {
        let members = try HouseholdMember.fetchAll(householdId: id, db)
        return Household(
            id: id, adults: members.filter { $0.kind == .adult }, children: members.filter { $0.kind == .child },
            documents: try SupportingDocument.fetchAll(householdId: id, db),
            pendingInvitations: try String.fetchAll(db, sql: """
                SELECT email FROM household_invitation WHERE householdId = ? AND acceptedAt IS NULL AND expiresAt > ? ORDER BY id
                """, arguments: [id, now]))
    }

    struct CheckedChild {
        var firstName: String
        var lastName: String
        var birthDate: CalendarDay
        var school: String?
    }

    static func check(_ form: ChildForm, today: CalendarDay) throws -> CheckedChild {
        var errors = ValidationErrors()
        let firstName = errors.singleLine(form.firstName, subject: "Le prénom", for: "prenom")
        let lastName = errors.singleLine(form.lastName, subject: "Le nom de famille", for: "nom")
        let school = errors.singleLine(form.school, subject: "Le nom de l'école", for: "ecole")
        if firstName.isEmpty { errors.add("Saisissez le prénom de l'enfant.", for: "prenom") }
        if firstName.count > 60 { errors.add("Le prénom doit faire 60 caractères au plus.", for: "prenom") }
        if lastName.isEmpty { errors.add("Saisissez le nom de famille de l'enfant.", for: "nom") }
        if lastName.count > 60 { errors.add("Le nom doit faire 60 caractères au plus.", for: "nom") }
        let birthDate = CalendarDay(typedDay: form.birthDay, month: form.birthMonth, year: form.birthYear)
        if let birthDate {
            if today < birthDate {
                errors.add("La date de naissance ne peut pas être dans le futur.", for: "naissance")
            } else if birthDate < today.adding(months: -25 * 12) {
                errors.add("Un enfant du foyer a moins de 25 ans : vérifiez l'année de naissance.", for: "naissance")
            }
        } else {
            errors.add("Saisissez la date de naissance, par exemple 14 3 2019.", for: "naissance")
        }
        if school.count > 100 { errors.add("Le nom de l'école doit faire 100 caractères au plus.", for: "ecole") }
        guard errors.isEmpty, let birthDate else { throw HouseholdError.invalid(errors) }
        return CheckedChild(firstName: firstName, lastName: lastName, birthDate: birthDate, school: school.isEmpty ? nil : school)
    }
}
