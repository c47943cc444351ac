import Foundation
import GRDB

/// One line of the administration journal: who changed what, when, in a sentence and with the
/// values before and after (JSON), and the organisation it concerns so that its managers can read it.
/// The security events of staff accounts (log-ins, refused log-ins) are lines too.
public struct JournalEntry: Sendable, Hashable, Identifiable {
    /// What was done.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case organisationUpdated = "organisation_modifiee"
        case staffInvited = "compte_invite"
        case staffActivated = "compte_active"
        case invitationRevoked = "invitation_revoquee"
        case staffChanged = "compte_modifie"
        case staffDeactivated = "compte_desactive"
        case staffReactivated = "compte_reactive"
        case logIn = "connexion"
        case logInRefused = "connexion_refusee"
        case referenceImported = "reference_importee"
        case procedureCreated = "demarche_creee"
        case procedureUpdated = "demarche_modifiee"
        case procedurePublished = "demarche_publiee"
        case procedureUnpublished = "demarche_retiree"
        case procedureRenamed = "demarche_adresse_changee"
        case procedureDeleted = "demarche_supprimee"
        case regieCreated = "regie_creee"
        case regieUpdated = "regie_modifiee"
        case activityCreated = "activite_creee"
        case activityUpdated = "activite_modifiee"
        case registrationsOpened = "inscriptions_ouvertes"
        case registrationsClosed = "inscriptions_closes"

        /// The action in French, for the journal's page.
        public var label: String {
            switch self {
            case .organisationUpdated: "Organisation modifiée"
            case .staffInvited: "Invitation envoyée"
            case .staffActivated: "Compte activé"
            case .invitationRevoked: "Invitation révoquée"
            case .staffChanged: "Compte modifié"
            case .staffDeactivated: "Compte désactivé"
            case .staffReactivated: "Compte réactivé"
            case .logIn: "Connexion"
            case .logInRefused: "Connexion refusée"
            case .referenceImported: "Données de référence importées"
            case .procedureCreated: "Démarche créée"
            case .procedureUpdated: "Démarche modifiée"
            case .procedurePublished: "Démarche publiée"
            case .procedureUnpublished: "Démarche retirée"
            case .procedureRenamed: "Adresse de démarche changée"
            case .procedureDeleted: "Démarche supprimée"
            case .regieCreated: "Régie créée"
            case .regieUpdated: "Régie modifiée"
            case .activityCreated: "Activité créée"
            case .activityUpdated: "Activité modifiée"
            case .registrationsOpened: "Inscriptions ouvertes"
            case .registrationsClosed: "Inscriptions closes"
            }
        }
    }

    /// What a line is about: its kind ("organisation", "compte"), its id, and the organisation it belongs to.
    public struct Subject: Sendable, Hashable {
        public var kind: String
        public var id: String
        public var organisationId: String?

        /// An organisation.
        public static func organisation(_ id: String) -> Subject { Subject(kind: "organisation", id: id, organisationId: id) }
        /// A staff account, belonging to the organisation of its agent or adviser.
        public static func account(_ account: Account) -> Subject {
            Subject(kind: "compte", id: String(account.id), organisationId: account.organisationId)
        }
    }

    public var id: Int64
    public var at: Date
    /// The account that acted, nil for the command line.
    public var actorId: Int64?
    /// Its name then, kept should it change.
    public var actorName: String
    public var action: Action
    public var subject: Subject
    /// What happened, in a French sentence: "Téléphone : 02 47 96 12 50".
    public var summary: String
    /// The object's JSON before and after the change; nil when it did not exist or does not apply.
    public var before: String?
    public var after: String?

    /// Writes a line in `db`, inside the change's own transaction: the change and its line stand or fall together.
    ///
    /// - Parameter actorName: who acted, when it is not `actor`'s name (a refused log-in's unknown person).
    static func record(_ action: Action, by actor: Account?, actorName: String? = nil, about subject: Subject, summary: String,
                       before: String? = nil, after: String? = nil, now: Date, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO journal_entry (at, actorId, actorName, action, objectKind, objectId, organisationId, summary, before, after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [now, actor?.id, actorName ?? actor?.displayName ?? "Ligne de commande", action.rawValue, subject.kind, subject.id,
                             subject.organisationId, summary, before, after])
    }

    /// `value` as the journal keeps it: JSON with sorted keys, so two states compare line by line.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    init(row: Row) {
        id = row["id"]
        at = row["at"]
        actorId = row["actorId"]
        actorName = row["actorName"]
        action = Action(rawValue: row["action"]) ?? .organisationUpdated
        subject = Subject(kind: row["objectKind"], id: row["objectId"], organisationId: row["organisationId"])
        summary = row["summary"]
        before = row["before"]
        after = row["after"]
    }
}
