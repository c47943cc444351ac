import Foundation
import PortalCore

/// One event of a dossier's timeline, in words.
struct TimelineLine {
    let date: String
    let text: String
    let detail: String?
    /// A document attached to a message: its name and where to download it.
    let attachmentName: String?
    let attachmentPath: String?

    /// - Parameter documents: the dossier's documents path (`/mon-espace/dossiers/12/documents`).
    init(_ event: DossierEvent, documents: String) {
        date = Self.dateTime(event.at)
        detail = event.text
        attachmentName = event.attachment.map { "\($0.name) (\($0.kind.label))" }
        attachmentPath = event.attachment.map { "\(documents)/\($0.fileId)" }
        let what = switch event.kind {
        case .started: "Brouillon commencé"
        case .filed: "Demande déposée"
        case .statusChanged: "Statut : \((event.toStatus ?? .filed).label.lowercased())"
        case .assigned: "Demande attribuée à un agent"
        case .message: "Message"
        case .note: "Note interne"
        case .documentRequested: "Document demandé"
        case .documentSupplied: "Document envoyé"
        case .documentAccepted: "Document accepté"
        case .documentRefused: "Document refusé"
        }
        text = event.adviserName.map { "\(what) au guichet France Services, par \($0)" } ?? what
    }

    /// "1er mars 2026 à 11 h 01", in France's time.
    static func dateTime(_ date: Date) -> String {
        String(FrenchDateTime.text(date).dropFirst("le ".count))
    }
}
