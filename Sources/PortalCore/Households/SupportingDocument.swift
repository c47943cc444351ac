import Foundation
import GRDB

/// A document a household keeps for the services that ask for it, with how long it counts.
public struct SupportingDocument: Sendable, Hashable, Identifiable {
    /// What services ask for.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// The CAF's (or MSA's) statement of the family quotient, under 3 months.
        case familyQuotient = "attestation-caf"
        /// Proof of address, under 3 months.
        case proofOfAddress = "justificatif-domicile"
        /// The child's vaccination record.
        case vaccinationRecord = "carnet-vaccination"
        /// A custody judgment, when the parents live apart.
        case custodyJudgment = "jugement-garde"

        public var label: String {
            switch self {
            case .familyQuotient: "Attestation de quotient familial (CAF ou MSA)"
            case .proofOfAddress: "Justificatif de domicile"
            case .vaccinationRecord: "Carnet de vaccination"
            case .custodyJudgment: "Jugement relatif à la garde des enfants"
            }
        }

        /// How long after its date the document is accepted; nil when it does not expire.
        public var validityMonths: Int? {
            switch self {
            case .familyQuotient, .proofOfAddress: 3
            case .vaccinationRecord: 12
            case .custodyJudgment: nil
            }
        }

        /// Whether it is about one child rather than the household.
        public var isAboutAChild: Bool { self == .vaccinationRecord }
    }

    public var id: Int64
    public var householdId: Int64
    /// The child it is about, for a vaccination record.
    public var memberId: Int64?
    public var kind: Kind
    public var fileId: Int64
    public var fileName: String
    /// The document's own date.
    public var issuedOn: CalendarDay
    /// The last day it counts; nil when it does not expire.
    public var validUntil: CalendarDay?
    /// The family quotient it states, for a CAF statement.
    public var familyQuotient: Int?

    public func isValid(on day: CalendarDay) -> Bool {
        validUntil.map { day <= $0 } ?? true
    }

    init(row: Row) {
        id = row["id"]
        householdId = row["householdId"]
        memberId = row["memberId"]
        kind = Kind(rawValue: row["kind"]) ?? .proofOfAddress
        fileId = row["fileId"]
        fileName = row["fileName"] ?? ""
        issuedOn = CalendarDay(iso: row["issuedOn"]) ?? CalendarDay(Date(timeIntervalSince1970: 0))
        validUntil = (row["validUntil"] as String?).flatMap(CalendarDay.init(iso:))
        familyQuotient = row["familyQuotient"]
    }

    static func fetchAll(householdId: Int64, _ db: Database) throws -> [SupportingDocument] {
        try Row.fetchAll(db, sql: """
            SELECT household_document.*, stored_file.originalName AS fileName FROM household_document
            JOIN stored_file ON stored_file.id = household_document.fileId
            WHERE householdId = ? ORDER BY household_document.createdAt DESC, household_document.id DESC
            """, arguments: [householdId]).map(SupportingDocument.init(row:))
    }
}
