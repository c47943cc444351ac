import Foundation
import GRDB

/// One request filed (or being filled in) by a resident.
public struct Dossier: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// Short, readable over the phone (``DossierReference``).
    public var reference: String
    public var procedureSlug: String
    /// The procedure's title when the dossier was started.
    public var procedureTitle: String
    /// The version of the form the answers belong to.
    public var formVersion: Int
    /// The resident the dossier is for.
    public var accountId: Int64
    /// The commune the request is about (the resident's), which decides who handles it.
    public var communeInsee: String
    /// The handling organisation, set when the dossier is filed.
    public var organisationId: String?
    public var status: DossierStatus
    public var answers: FormAnswers
    public var createdAt: Date
    public var updatedAt: Date
    /// The legal date of filing (CRPA L112-13).
    public var filedAt: Date?
    /// When the administration's silence becomes a decision (the procedure's ``SilenceRule``);
    /// past it, an open dossier is overdue.
    public var decisionDueAt: Date?
    /// When an untouched draft is deleted.
    public var draftExpiresAt: Date?
    /// The agent working on it, if any.
    public var assignedAgentId: Int64?

    init(row: Row) throws {
        id = row["id"]
        reference = row["reference"]
        procedureSlug = row["procedureSlug"]
        procedureTitle = row["procedureTitle"]
        formVersion = row["formVersion"]
        accountId = row["accountId"]
        communeInsee = row["communeInsee"]
        organisationId = row["organisationId"]
        status = DossierStatus(rawValue: row["status"]) ?? .draft
        answers = try JSONDecoder().decode(FormAnswers.self, from: Data((row["answers"] as String).utf8))
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
        filedAt = row["filedAt"]
        decisionDueAt = row["decisionDueAt"]
        draftExpiresAt = row["draftExpiresAt"]
        assignedAgentId = row["assignedAgentId"]
    }

    static func fetch(id: Int64, _ db: Database) throws -> Dossier? {
        try Row.fetchOne(db, sql: "SELECT * FROM dossier WHERE id = ?", arguments: [id]).map(Dossier.init(row:))
    }

    static func encode(_ answers: FormAnswers) throws -> String {
        String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
    }
}
