import Foundation
import GRDB

/// A régie: the cash office of an organisation (a CCTOVAL service or a mairie) that issues
/// invoices and takes payments, with its own PayFiP contract and invoice numbering.
public struct Regie: Sendable, Hashable, Identifiable, Codable {
    /// A stable slug (`dechets`, `mairie-37123`).
    public var id: String
    /// The organisation whose agents work for this régie.
    public var organisationId: String
    public var name: String
    /// The PayFiP client number given by the DGFiP: six digits.
    public var payfipClientNumber: String
    public var payfipMode: PayFiPMode
    /// The régie's part of its invoice numbers (`F-DEC-26-000042`): 2 to 6 capital letters or digits.
    public var numberingCode: String

    public init(id: String, organisationId: String, name: String, payfipClientNumber: String, payfipMode: PayFiPMode,
                numberingCode: String) {
        self.id = id
        self.organisationId = organisationId
        self.name = name
        self.payfipClientNumber = payfipClientNumber
        self.payfipMode = payfipMode
        self.numberingCode = numberingCode
    }

    init(row: Row) {
        self.init(id: row["id"], organisationId: row["organisationId"], name: row["name"],
                  payfipClientNumber: row["payfipClientNumber"], payfipMode: PayFiPMode(rawValue: row["payfipMode"]) ?? .test,
                  numberingCode: row["numberingCode"])
    }

    /// What is wrong with this régie's settings, in English for the operator; empty when none.
    public var problems: [String] {
        var problems: [String] = []
        if payfipClientNumber.count != 6 || !payfipClientNumber.allSatisfy({ $0.isASCII && $0.isNumber }) {
            problems.append("régie \(id): the PayFiP client number must be six digits")
        }
        if !(2...6).contains(numberingCode.count) || !numberingCode.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
            problems.append("régie \(id): the numbering code must be 2 to 6 capital letters or digits")
        }
        return problems
    }

    static func fetch(id: String, _ db: Database) throws -> Regie? {
        try Row.fetchOne(db, sql: "SELECT * FROM regie WHERE id = ?", arguments: [id]).map(Regie.init(row:))
    }

    /// Whether account `accountId` may issue invoices in régie `id`: any agent of its organisation
    /// while the régie names no biller, else those it names.
    static func mayBill(_ id: String, accountId: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT NOT EXISTS (SELECT 1 FROM regie_biller WHERE regieId = ?)
                OR EXISTS (SELECT 1 FROM regie_biller WHERE regieId = ? AND accountId = ?)
            """, arguments: [id, id, accountId]) ?? false
    }

    /// The accounts named to bill in régie `id`; empty when every agent of its organisation may.
    static func billers(of id: String, _ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT accountId FROM regie_biller WHERE regieId = ? ORDER BY accountId", arguments: [id])
    }

    /// The régies an agent of `organisationId` works for.
    static func fetchAll(organisationId: String, _ db: Database) throws -> [Regie] {
        try Row.fetchAll(db, sql: "SELECT * FROM regie WHERE organisationId = ? ORDER BY name", arguments: [organisationId])
            .map(Regie.init(row:))
    }
}
