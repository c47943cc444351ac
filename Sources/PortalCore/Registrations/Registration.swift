import Foundation
import GRDB

/// A household member's registration to an activity.
public struct Registration: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var activityId: String
    public var householdId: Int64
    public var memberId: Int64
    /// The member's name when registered.
    public var memberName: String
    public var status: RegistrationStatus
    /// Its place among those waiting, from 1; nil when not waiting.
    public var rank: Int?
    public var refusalReason: String?
    /// The invoice of a priced activity, once confirmed.
    public var invoiceId: Int64?
    /// The adult who registered (or the adviser acting for them).
    public var requestedBy: Int64
    public var createdAt: Date
    public var decidedAt: Date?

    init(row: Row, rank: Int?) throws {
        id = row["id"]
        activityId = row["activityId"]
        householdId = row["householdId"]
        memberId = row["memberId"]
        memberName = row["memberName"]
        status = try RegistrationStatus(stored: row["status"], column: "registration.status")
        self.rank = rank
        refusalReason = row["refusalReason"]
        invoiceId = row["invoiceId"]
        requestedBy = row["requestedBy"]
        createdAt = row["createdAt"]
        decidedAt = row["decidedAt"]
    }

    /// The registrations matching `clause` (after `FROM registration`), with the waiting ones' ranks.
    static func fetchAll(_ db: Database, _ clause: String, arguments: StatementArguments) throws -> [Registration] {
        try Row.fetchAll(db, sql: """
            SELECT registration.*, CASE WHEN status = ? THEN (
                SELECT COUNT(*) FROM registration AS earlier WHERE earlier.activityId = registration.activityId
                AND earlier.status = ? AND earlier.id <= registration.id) END AS rank
            FROM registration \(clause)
            """, arguments: [RegistrationStatus.waiting.rawValue, RegistrationStatus.waiting.rawValue] + arguments)
            .map { try Registration(row: $0, rank: $0["rank"]) }
    }
}
