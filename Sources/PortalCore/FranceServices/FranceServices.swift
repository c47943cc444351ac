import Crypto
import Foundation
import GRDB

/// The France Services counter: an adviser finds a resident (or creates their account with them),
/// records the resident's mandate — their consent, the families of procedures it covers, for how
/// long — and acts for them within it. Without a valid mandate an adviser sees a resident's name
/// and commune only, and every search, account, mandate and action goes into the journal the
/// resident reads in their space.
public struct FranceServices: Sendable {
    public let database: PortalDatabase
    public let catalogue: Catalogue
    public let notifications: FranceServicesNotifications

    /// Results of a search, at most.
    public static let searchLimit = 20
    /// How long a consent code stays valid.
    public static let consentCodeLifetime: TimeInterval = 15 * 60
    /// How long the code to choose a password stays valid.
    public static let activationLifetime: TimeInterval = 30 * 24 * 3600

    public init(database: PortalDatabase, catalogue: Catalogue, links: any PortalLinks) {
        self.database = database
        self.catalogue = catalogue
        self.notifications = FranceServicesNotifications(links: links)
    }

    /// What an adviser sees of a resident before a mandate.
    public struct ResidentMatch: Sendable, Hashable {
        public var accountId: Int64
        public var displayName: String
        public var communeName: String?
        /// A mandate of this adviser's site is valid now.
        public var hasMandate: Bool
    }

    /// Residents matching a name (part of it), an exact e-mail address and/or a birth date
    /// (`JJ/MM/AAAA`); at most ``searchLimit``. The search is journaled.
    public func search(name: String, email: String, birthDate: String, adviser: Account?, now: Date) throws -> [ResidentMatch] {
        let adviser = try Self.adviser(adviser)
        let birth = birthDate.trimmingCharacters(in: .whitespaces)
        var errors = ValidationErrors()
        // The criteria are journaled: they are held to the rule of single-line fields.
        let name = errors.singleLine(name, subject: "Le nom", for: "nom")
        let email = EmailAddress.normalise(errors.singleLine(email, subject: "L'adresse e-mail", for: "email"))
        if errors.isEmpty && name.isEmpty && email.isEmpty && birth.isEmpty {
            errors.add("Saisissez au moins le nom, l'adresse e-mail ou la date de naissance de la personne.", for: "nom")
        }
        if !name.isEmpty && name.count < 2 { errors.add("Saisissez au moins 2 lettres du nom.", for: "nom") }
        let day = birth.isEmpty ? nil : CalendarDay(typed: birth)
        if !birth.isEmpty && day == nil { errors.add("Saisissez la date de naissance au format JJ/MM/AAAA.", for: "naissance") }
        guard errors.isEmpty else { throw FranceServicesError.invalid(errors) }
        return try database.pool.write { db in
            var conditions = ["role = ?"]
            var arguments: StatementArguments = [Role.resident.rawValue]
            if !name.isEmpty {
                conditions.append("displayName LIKE ? ESCAPE '!'")
                let literal = name.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%")
                    .replacingOccurrences(of: "_", with: "!_")
                arguments += ["%" + literal + "%"]
            }
            if !email.isEmpty {
                conditions.append("email = ?")
                arguments += [email]
            }
            if let day {
                conditions.append("birthDate = ?")
                arguments += [day.iso]
            }
            let accounts = try Row.fetchAll(db, sql: """
                SELECT * FROM account WHERE \(conditions.joined(separator: " AND ")) ORDER BY displayName, id LIMIT \(Self.searchLimit)
                """, arguments: arguments).map(Account.init(row:))
            let mandated = Set(try Int64.fetchAll(db, sql: """
                SELECT residentAccountId FROM mandate WHERE siteId = ? AND revokedAt IS NULL AND expiresAt > ?
                """, arguments: [adviser.organisationId, now]))
            let criteria = [name.isEmpty ? nil : "nom « \(name) »", email.isEmpty ? nil : "e-mail « \(email) »",
                            day.map { "né(e) le \($0.french)" }].compactMap { $0 }.joined(separator: ", ")
            try AuditEntry.record(.search, adviser: adviser, resident: nil, mandate: nil,
                                  detail: "\(criteria) : \(accounts.count) résultat\(accounts.count > 1 ? "s" : "")", at: now, db)
            return accounts.map { account in
                ResidentMatch(accountId: account.id, displayName: account.displayName,
                              communeName: account.communeInsee.flatMap { catalogue.commune(insee: $0)?.name },
                              hasMandate: mandated.contains(account.id))
            }
        }
    }

    /// The journal of what advisers did for a resident, latest first: for the resident themself.
    public func journal(of actor: Account?) throws -> [AuditEntry] {
        guard let actor = actor?.acting(as: .resident) else { throw FranceServicesError.notFound }
        return try database.pool.read { db in
            try AuditEntry.fetchAll(db, "WHERE residentAccountId = ? ORDER BY at DESC, audit_entry.id DESC", arguments: [actor.id])
        }
    }

    /// The adviser's own entries (searches included), latest first, for their site's review.
    public func journal(ofAdviser actor: Account?, limit: Int = 200) throws -> [AuditEntry] {
        let adviser = try Self.adviser(actor)
        return try database.pool.read { db in
            try AuditEntry.fetchAll(db, "WHERE adviserAccountId = ? ORDER BY at DESC, audit_entry.id DESC LIMIT ?", arguments: [adviser.id, limit])
        }
    }

    static func adviser(_ actor: Account?) throws -> Account {
        guard let actor = actor?.acting(as: .franceServices) else { throw FranceServicesError.notFound }
        return actor
    }

    /// A resident account by id, for an adviser: residents only.
    static func resident(_ id: Int64, _ db: Database) throws -> Account {
        guard let account = try Row.fetchOne(db, sql: "SELECT * FROM account WHERE id = ? AND role = ?",
                                             arguments: [id, Role.resident.rawValue]).map(Account.init(row:)) else {
            throw FranceServicesError.notFound
        }
        return account
    }

    /// A one-time code read aloud or printed: 8 symbols from the references' alphabet, `7K3M-9QX4`.
    static func makeCode(length: Int = 8) -> String {
        var generator = SystemRandomNumberGenerator()
        let symbols = (0..<length).map { _ in DossierReference.alphabet.randomElement(using: &generator)! }
        return String(symbols[0..<length / 2]) + "-" + String(symbols[(length / 2)...])
    }

    /// A code as typed ("7k3m 9qx4"), canonical.
    static func normaliseCode(_ text: String) -> String {
        let symbols = text.uppercased().filter { !" -".contains($0) }
        guard symbols.count > 1 else { return symbols }
        let half = symbols.index(symbols.startIndex, offsetBy: symbols.count / 2)
        return String(symbols[..<half]) + "-" + String(symbols[half...])
    }

    static func digest(_ code: String) -> Data {
        Data(SHA256.hash(data: Data(normaliseCode(code).utf8)))
    }
}
