import Foundation
import GRDB

extension PortalDatabase {
    /// True when the reference tables hold data (the database has been seeded).
    public func isReferenceDataLoaded() throws -> Bool {
        try pool.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM commune)") ?? false }
    }

    /// Loads the reference data from the seed folder into a new database.
    ///
    /// A database that already holds reference data is left untouched and
    /// the seed folder is not read, so a second start reuses the database.
    ///
    /// - returns: True when the data was loaded, false when it was already there.
    /// - throws: ``ReferenceDataError`` when the seed files are invalid, or a
    ///   database error.
    @discardableResult
    public func installReferenceDataIfNeeded(from directory: URL) throws -> Bool {
        if try isReferenceDataLoaded() { return false }
        let data = try ReferenceData.load(from: directory)
        return try pool.write { db in
            // Another process may have seeded in the meantime.
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM commune)") ?? false { return false }
            try data.insert(into: db)
            return true
        }
    }

    /// Refuses reference data that would leave an account without its commune or organisation.
    static func checkAccountsStillResolve(with data: ReferenceData, _ db: Database) throws {
        let communes = Set(data.communes.map(\.insee))
        let organisations = Set(data.organisations.map(\.id))
        var issues: [ReferenceDataError.Issue] = []
        let rows = try Row.fetchAll(db, sql: """
            SELECT email, communeInsee, organisationId FROM account
            WHERE communeInsee IS NOT NULL OR organisationId IS NOT NULL
            UNION SELECT email, NULL, account_organisation.organisationId
            FROM account_organisation JOIN account ON account.id = account_organisation.accountId
            """)
        for row in rows {
            let email: String = row["email"]
            if let insee: String = row["communeInsee"], !communes.contains(insee) {
                issues.append(.init(file: ReferenceData.FileName.communes, entry: "commune \(insee)",
                                    message: "removed, but the account \(email) belongs to it"))
            }
            if let id: String = row["organisationId"], !organisations.contains(id) {
                issues.append(.init(file: ReferenceData.FileName.organisations, entry: "organisation \"\(id)\"",
                                    message: "removed, but the account \(email) belongs to it"))
            }
        }
        if !issues.isEmpty { throw ReferenceDataError(issues: issues) }
    }
}
