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

    /// Refuses reference data that would remove a procedure its dossiers name (unpublish it instead),
    /// or whose procedures (one kept as the administration made it, say) name a theme, an organisation
    /// or a commune it no longer has.
    static func checkProceduresStillResolve(with data: ReferenceData, current: ReferenceData, _ db: Database) throws {
        let file = ReferenceData.FileName.procedures
        let slugs = Set(data.procedures.map(\.slug))
        var issues: [ReferenceDataError.Issue] = []
        let named = try Row.fetchAll(db, sql: "SELECT procedureSlug, COUNT(*) AS count FROM dossier GROUP BY procedureSlug")
        for row in named {
            let slug: String = row["procedureSlug"]
            if !slugs.contains(slug), current.procedures.contains(where: { $0.slug == slug }) {
                issues.append(.init(file: file, entry: "procedure \"\(slug)\"",
                                    message: "removed, but \(row["count"] as Int) dossier(s) name it: unpublish it instead (\"published\": false)"))
            }
        }
        let categories = Set(data.categories.map(\.id)), organisations = Set(data.organisations.map(\.id))
        let communes = Set(data.communes.map(\.insee))
        for procedure in data.procedures {
            var missing: [String] = []
            if !categories.contains(procedure.categoryId) { missing.append("theme \"\(procedure.categoryId)\"") }
            let handlerOrganisations: [String] = switch procedure.handler {
            case .communal: []
            case .intercommunal(let id): [id]
            case .external(let id, let counters): [id] + counters
            }
            for exception in procedure.exceptions {
                if !communes.contains(exception.communeInsee) { missing.append("commune \(exception.communeInsee)") }
            }
            let exceptionOrganisations = procedure.exceptions.compactMap { exception -> String? in
                if case .handledBy(let id) = exception.rule { id } else { nil }
            }
            missing += (handlerOrganisations + exceptionOrganisations).filter { !organisations.contains($0) }.map { "organisation \"\($0)\"" }
            if !missing.isEmpty {
                issues.append(.init(file: file, entry: "procedure \"\(procedure.slug)\"",
                                    message: "kept as the administration made it, it names \(missing.joined(separator: ", ")), which the files remove"))
            }
        }
        if !issues.isEmpty { throw ReferenceDataError(issues: issues) }
    }
}
