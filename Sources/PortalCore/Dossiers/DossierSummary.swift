import Foundation
import GRDB

/// What lists show of a dossier: everything but its answers, which lists never need and which
/// cost most of a dashboard's time to decode.
public struct DossierSummary: Sendable, Hashable, Identifiable {
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
    /// Where it was filed.
    public var channel: DossierChannel

    /// The columns a listing query selects (`SELECT \(DossierSummary.columns) FROM dossier …`), in
    /// the order ``init(row:)`` reads them: by position, since looking columns up by name
    /// (case-insensitively) was a tenth of a dashboard's time.
    static let columns = """
        id, reference, procedureSlug, procedureTitle, formVersion, accountId, communeInsee, organisationId, status, \
        createdAt, updatedAt, filedAt, decisionDueAt, draftExpiresAt, assignedAgentId, channel
        """

    /// How many of a row's first columns are the summary's.
    static let columnCount = 16

    init(row: Row) throws {
        id = row[0]
        reference = row[1]
        procedureSlug = row[2]
        procedureTitle = row[3]
        formVersion = row[4]
        accountId = row[5]
        communeInsee = row[6]
        organisationId = row[7]
        status = try DossierStatus(stored: row[8], column: "dossier.status")
        createdAt = try row.requiredDate(9, column: "dossier.createdAt")
        updatedAt = try row.requiredDate(10, column: "dossier.updatedAt")
        filedAt = try row.storedDate(11, column: "dossier.filedAt")
        decisionDueAt = try row.storedDate(12, column: "dossier.decisionDueAt")
        draftExpiresAt = try row.storedDate(13, column: "dossier.draftExpiresAt")
        assignedAgentId = row[14]
        channel = DossierChannel(rawValue: row[15]) ?? .online
    }
}
