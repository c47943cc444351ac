import Foundation
import GRDB

/// The e-mails dossier events produce. They say what happened and link to the portal; they
/// never carry the answers or documents of the dossier.
public struct DossierNotifications: Sendable {
    /// Where the e-mails link to.
    public let links: any PortalLinks

    public init(links: any PortalLinks) {
        self.links = links
    }

    /// To the resident: the acknowledgement of their request.
    func filed(_ receipt: Acknowledgement, dossierId: Int64, to resident: Recipient) -> MailMessage {
        let link = links.residentDossier(dossierId)
        var paragraphs = [
            "Bonjour \(resident.name),",
            "Votre demande « \(receipt.procedureTitle) » a bien été reçue \(receipt.receivedAtText). Sa référence est \(receipt.reference).",
            "Service qui la traite : \(receipt.service.mailContact).",
            receipt.silenceText,
        ]
        if let appeal = receipt.appealText { paragraphs.append(appeal) }
        paragraphs.append("Suivez votre demande et retrouvez cet accusé de réception dans votre espace : \(link)")
        return MailMessage.portal(to: resident.email, subject: "Accusé de réception de votre demande \(receipt.reference)", paragraphs: paragraphs)
    }

    /// To an agent of the handling organisation: a new dossier arrived.
    func newDossier(_ dossier: DossierSummary, to agent: Recipient) -> MailMessage {
        let link = links.agentDossier(dossier.id)
        return MailMessage.portal(to: agent.email, subject: "Nouvelle demande \(dossier.reference) : \(dossier.procedureTitle)", paragraphs: [
            "Bonjour \(agent.name),",
            "Une nouvelle demande « \(dossier.procedureTitle) » (référence \(dossier.reference)) est arrivée pour votre service.",
            "Pour la traiter : \(link)",
        ])
    }

    /// To the resident: their dossier changed status.
    func statusChanged(_ dossier: DossierSummary, to resident: Recipient) -> MailMessage {
        let link = links.residentDossier(dossier.id)
        return MailMessage.portal(to: resident.email, subject: "Votre demande \(dossier.reference) : \(dossier.status.label.lowercased())", paragraphs: [
            "Bonjour \(resident.name),",
            "Votre demande « \(dossier.procedureTitle) » (référence \(dossier.reference)) est maintenant : \(dossier.status.label.lowercased()).",
            "Pour voir le détail, connectez-vous à votre espace : \(link)",
        ])
    }

    /// To the other side of a conversation: a message is waiting on the portal.
    func message(on dossier: DossierSummary, to recipient: Recipient, forAgent: Bool) -> MailMessage {
        let link = forAgent ? links.agentDossier(dossier.id) : links.residentDossier(dossier.id)
        return MailMessage.portal(to: recipient.email, subject: "Nouveau message sur la demande \(dossier.reference)", paragraphs: [
            "Bonjour \(recipient.name),",
            "Un nouveau message vous attend sur la demande « \(dossier.procedureTitle) » (référence \(dossier.reference)).",
            "Pour le lire et répondre : \(link)",
        ])
    }

    /// To the resident: a document is asked for (or asked again after a refusal).
    func documentRequested(_ request: DocumentRequest, on dossier: DossierSummary, to resident: Recipient) -> MailMessage {
        let link = links.residentDossier(dossier.id)
        return MailMessage.portal(to: resident.email, subject: "Document à fournir pour votre demande \(dossier.reference)", paragraphs: [
            "Bonjour \(resident.name),",
            "Pour traiter votre demande « \(dossier.procedureTitle) » (référence \(dossier.reference)), le service a besoin d'un document : \(request.label).",
            "Merci de l'envoyer avant le \(request.dueOn.french), depuis votre espace : \(link)",
        ])
    }

    /// To the service's agents: a document they asked for has arrived.
    func documentSupplied(_ request: DocumentRequest, on dossier: DossierSummary, to agent: Recipient) -> MailMessage {
        MailMessage.portal(to: agent.email, subject: "Document reçu pour la demande \(dossier.reference)", paragraphs: [
            "Bonjour \(agent.name),",
            "Le document « \(request.label) » a été envoyé pour la demande \(dossier.reference) (\(dossier.procedureTitle)).",
            "Pour le vérifier : \(links.agentDossier(dossier.id))",
        ])
    }

    /// To the resident: a draft will be deleted soon unless they go on with it.
    func draftExpiring(_ draft: DossierSummary, to resident: Recipient) -> MailMessage {
        let day = draft.draftExpiresAt.map { CalendarDay($0).french } ?? ""
        return MailMessage.portal(to: resident.email, subject: "Votre demande en cours « \(draft.procedureTitle) » sera supprimée le \(day)", paragraphs: [
            "Bonjour \(resident.name),",
            "Vous avez commencé une demande « \(draft.procedureTitle) » sans l'envoyer. Sans nouvelle étape enregistrée, ce brouillon et vos réponses seront supprimés le \(day).",
            "Pour la terminer : \(links.draft(draft.id))",
            "Si vous n'en avez plus besoin, vous n'avez rien à faire.",
        ])
    }

    /// Someone to write to.
    struct Recipient {
        var email: String
        var name: String

        static func account(_ id: Int64, _ db: Database) throws -> Recipient? {
            try Row.fetchOne(db, sql: "SELECT email, displayName FROM account WHERE id = ?", arguments: [id])
                .map { Recipient(email: $0["email"], name: $0["displayName"]) }
        }

        static func agents(of organisationId: String, _ db: Database) throws -> [Recipient] {
            try Row.fetchAll(
                db, sql: """
                    SELECT email, displayName FROM account JOIN account_organisation ON accountId = account.id
                    WHERE \(Role.processingDossiersSQL) AND account_organisation.organisationId = ? AND deactivatedAt IS NULL
                    ORDER BY account.id
                    """,
                arguments: [organisationId]
            ).map { Recipient(email: $0["email"], name: $0["displayName"]) }
        }
    }
}

/// Escaping text for the HTML part of e-mails.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Turns the portal's own escaped `http(s)://…` addresses into links.
    static func linkify(_ escaped: String) -> String {
        escaped.replacing(/https?:\/\/[^\s<]+/) { match in
            let url = String(match.output)
            return "<a href=\"\(url)\">\(url)</a>"
        }
    }
}
