import Foundation
import GRDB

/// A person who can log in.
public struct Account: Sendable, Hashable, Identifiable {
    /// The database id.
    public var id: Int64
    /// The e-mail address, normalised (trimmed, lowercase); it is the login.
    public var email: String
    /// The name shown in the interface.
    public var displayName: String
    /// The INSEE code of the resident's commune, if any.
    public var communeInsee: String?
    /// What the account may do.
    public var role: Role
    /// The organisation an agent or adviser belongs to; for an agent of several, the first of ``organisationIds``.
    public var organisationId: String?
    /// Every organisation an agent belongs to (a secrétaire de mairie may serve several communes), the
    /// adviser's France Services site; empty for residents and administrators.
    public var organisationIds: [String]
    /// When the account was created.
    public var createdAt: Date
    /// The phone number the person gave, written `02 47 12 34 56`, if any.
    public var phone: String?
    /// The postal address the person gave, if any.
    public var address: PostalAddress?
    /// When the person last saved their contact details, if ever.
    public var profileUpdatedAt: Date?
    /// The birth date, when given (at a France Services counter), to find the person again.
    public var birthDate: CalendarDay?
    /// The adviser acting for this resident at a France Services counter, when one is; never stored.
    public var franceServicesAdviser: FranceServicesAdviser?

    /// Creates an account value.
    public init(
        id: Int64, email: String, displayName: String, communeInsee: String?, role: Role,
        organisationId: String?, organisationIds: [String]? = nil, createdAt: Date, phone: String? = nil,
        address: PostalAddress? = nil, profileUpdatedAt: Date? = nil
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.communeInsee = communeInsee
        self.role = role
        self.organisationId = organisationId
        self.organisationIds = organisationIds ?? organisationId.map { [$0] } ?? []
        self.createdAt = createdAt
        self.phone = phone
        self.address = address
        self.profileUpdatedAt = profileUpdatedAt
    }

    /// The columns that read an account with its memberships (`memberships`): select them as
    /// `SELECT \(Account.columns) FROM account …`. A row without `memberships` has the one organisation
    /// of `organisationId`.
    static let columns = """
        account.*, (SELECT group_concat(organisationId, ',') FROM account_organisation
                    WHERE account_organisation.accountId = account.id) AS memberships
        """

    /// Reads an `account` row; the columns may be qualified by a join.
    init(row: Row) throws {
        let street: String? = row["addressStreet"]
        let postalCode: String? = row["addressPostalCode"]
        let city: String? = row["addressCity"]
        let address: PostalAddress? = if let street, let postalCode, let city {
            PostalAddress(street: street, postalCode: postalCode, city: city)
        } else {
            nil
        }
        self.init(
            id: row["id"], email: row["email"], displayName: row["displayName"],
            communeInsee: row["communeInsee"], role: try Role(stored: row["role"], column: "account.role"),
            organisationId: row["organisationId"],
            organisationIds: (row["memberships"] as String?).map { Self.ordered($0.split(separator: ",").map(String.init), first: row["organisationId"]) },
            createdAt: row["createdAt"], phone: row["phone"], address: address, profileUpdatedAt: row["profileUpdatedAt"])
        birthDate = (row["birthDate"] as String?).flatMap(CalendarDay.init(iso:))
    }

    /// `ids` with `first` first, the others in order of id.
    static func ordered(_ ids: [String], first: String?) -> [String] {
        ids.sorted { lhs, rhs in lhs == first || (rhs != first && lhs < rhs) }
    }

    /// The account with this id.
    static func fetch(id: Int64, _ db: Database) throws -> Account? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM account WHERE id = ?", arguments: [id]).map(Account.init(row:))
    }

    /// The account with this (normalised) e-mail address.
    static func fetch(email: String, _ db: Database) throws -> Account? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM account WHERE email = ?", arguments: [EmailAddress.normalise(email)])
            .map(Account.init(row:))
    }

    /// Makes `ids` the organisations of account `id`, the first becoming its `organisationId`.
    static func setMemberships(_ ids: [String], of id: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM account_organisation WHERE accountId = ?", arguments: [id])
        for organisation in ids {
            try db.execute(sql: "INSERT OR IGNORE INTO account_organisation (accountId, organisationId) VALUES (?, ?)",
                           arguments: [id, organisation])
        }
        try db.execute(sql: "UPDATE account SET organisationId = ? WHERE id = ?", arguments: [ids.first, id])
    }

    /// Inserts a new account and returns it with its id.
    static func insert(
        email: String, displayName: String, communeInsee: String?, role: Role, organisationId: String?,
        passwordHash: String, createdAt: Date, into db: Database
    ) throws -> Account {
        try db.execute(
            sql: """
                INSERT INTO account (email, displayName, communeInsee, role, organisationId, passwordHash, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [email, displayName, communeInsee, role.rawValue, organisationId, passwordHash, createdAt])
        let id = db.lastInsertedRowID
        if let organisationId, role != .resident, role != .admin { try setMemberships([organisationId], of: id, db) }
        return Account(
            id: id, email: email, displayName: displayName, communeInsee: communeInsee,
            role: role, organisationId: organisationId, createdAt: createdAt)
    }
}
