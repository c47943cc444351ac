import PortalCore

/// What `dossiers/dashboard.mustache` shows.
struct DashboardView {
    /// A dossier on the dashboard: a draft links to where filing resumes, others to their page.
    struct DossierLink {
        let reference: String
        let title: String
        let status: String
        /// "Déposée le 3 mars 2026", or "À terminer avant le 3 avril 2026" for a draft.
        let date: String
        let path: String
    }

    /// Something the resident has to do: send a document, answer a message.
    struct ToDo {
        let text: String
        /// "Avant le 3 mars 2026", "Message reçu le 1er mars 2026 à 10 h 05".
        let when: String
        let path: String
    }

    let layout: LayoutContext
    let toDo: [ToDo]
    let hasToDo: Bool
    let displayName: String
    let communeName: String?
    let notice: String?
    let inProgress: [DossierLink]
    let drafts: [DossierLink]
    let closed: [DossierLink]
    let hasInProgress: Bool
    let hasDrafts: Bool
    let hasClosed: Bool
    let isEmpty: Bool
    /// "2 factures à payer : 45,00 €", when there are.
    let invoicesDue: String?
}

extension DashboardView.DossierLink {
    /// The link to `dossier`.
    init(_ dossier: DossierSummary) {
        let isDraft = dossier.status == .draft
        self.init(
            reference: dossier.reference, title: dossier.procedureTitle, status: dossier.status.label,
            date: isDraft
                ? "À terminer avant le \(dossier.draftExpiresAt.map { CalendarDay($0).french } ?? "")"
                : "Déposée le \(CalendarDay(dossier.filedAt ?? dossier.createdAt).french)",
            path: isDraft ? FilingPlace.residentSpace.draft(dossier.id) : DossierPaths.resident(dossier.id))
    }
}
