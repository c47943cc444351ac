import Foundation
import GRDB

/// One line of the France Services journal: what an adviser of a site did, for which resident
/// (none for a search), under which mandate. Residents read theirs in their space.
public struct AuditEntry: Sendable, Hashable, Identifiable {
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case search = "recherche"
        case accountCreated = "compte_cree"
        case consentCodeSent = "code_envoye"
        case mandateRecorded = "mandat_enregistre"
        case mandateRevoked = "mandat_revoque"
        /// Anything done for the resident under a mandate: the detail says what.
        case actedFor = "action"

        public var label: String {
            switch self {
            case .search: "Recherche d'un habitant"
            case .accountCreated: "Compte créé au guichet"
            case .consentCodeSent: "Code de consentement envoyé"
            case .mandateRecorded: "Mandat enregistré"
            case .mandateRevoked: "Mandat révoqué"
            case .actedFor: "Démarche effectuée pour vous"
            }
        }
    }

    public var id: Int64
    public var residentAccountId: Int64?
    public var adviserAccountId: Int64
    public var adviserName: String
    public var siteId: String
    public var mandateId: Int64?
    public var action: Action
    public var detail: String
    public var at: Date

    init(row: Row) {
        id = row["id"]
        residentAccountId = row["residentAccountId"]
        adviserAccountId = row["adviserAccountId"]
        adviserName = row["adviserName"] ?? ""
        siteId = row["siteId"]
        mandateId = row["mandateId"]
        action = Action(rawValue: row["action"]) ?? .actedFor
        detail = row["detail"]
        at = row["at"]
    }

    static func record(_ action: Action, adviser: Account, resident: Int64?, mandate: Int64?, detail: String, at: Date,
                       _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO audit_entry (residentAccountId, adviserAccountId, siteId, mandateId, action, detail, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [resident, adviser.id, adviser.organisationId ?? "", mandate, action.rawValue, detail, at])
    }

    static func fetchAll(_ db: Database, _ clause: String, arguments: StatementArguments) throws -> [AuditEntry] {
        try Row.fetchAll(db, sql: """
            SELECT audit_entry.*, account.displayName AS adviserName FROM audit_entry
            LEFT JOIN account ON account.id = audit_entry.adviserAccountId \(clause)
            """, arguments: arguments).map(AuditEntry.init(row:))
    }
}
