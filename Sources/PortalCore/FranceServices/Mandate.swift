import Foundation
import GRDB

/// A resident's permission for a France Services adviser (and their site) to act for them, in
/// some families of procedures, for a time; revocable at any time by either.
public struct Mandate: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var residentAccountId: Int64
    public var adviserAccountId: Int64
    /// The France Services site the adviser belongs to.
    public var siteId: String
    public var families: [ProcedureFamily]
    public var consent: ConsentMethod
    public var createdAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?

    public func isActive(at now: Date) -> Bool { revokedAt == nil && now < expiresAt }

    public func covers(_ family: ProcedureFamily, at now: Date) -> Bool { isActive(at: now) && families.contains(family) }

    init(row: Row) {
        id = row["id"]
        residentAccountId = row["residentAccountId"]
        adviserAccountId = row["adviserAccountId"]
        siteId = row["siteId"]
        families = (row["families"] as String).split(separator: ",").compactMap { ProcedureFamily(rawValue: String($0)) }
        consent = ConsentMethod(rawValue: row["consent"]) ?? .signedSummary
        createdAt = row["createdAt"]
        expiresAt = row["expiresAt"]
        revokedAt = row["revokedAt"]
    }

    static func fetchAll(_ db: Database, _ clause: String, arguments: StatementArguments) throws -> [Mandate] {
        try Row.fetchAll(db, sql: "SELECT * FROM mandate \(clause)", arguments: arguments).map(Mandate.init(row:))
    }
}
