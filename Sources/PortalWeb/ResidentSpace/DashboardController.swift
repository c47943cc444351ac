import Foundation
import PortalCore
import PortalHTTP

/// `/mon-espace`, the resident's dashboard: what needs the resident first, then dossiers in
/// progress, drafts and closed ones, and the invoices to pay.
struct DashboardController: Sendable {
    let dossiers: Dossiers
    let spaces: Spaces
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// `GET /mon-espace`.
    func dashboard(_ context: RequestContext) throws -> HTTPResponse {
        let overview = try spaces.overview(of: .resident, actor: context.account)
        let now = now()
        let dashboard = try dossiers.dashboard(of: overview.actor, now: now)
        let toDo = dashboard.documentsToSend.map { request, dossier in
            DashboardView.ToDo(
                text: "Envoyer : \(request.label) (demande \(dossier.reference), \(dossier.procedureTitle))",
                when: "Avant le \(request.dueOn.french)", path: DossierPaths.resident(dossier.id) + "#pieces")
        } + dashboard.messagesAwaitingReply.map { dossier, sentAt in
            DashboardView.ToDo(
                text: "Répondre au message du service (demande \(dossier.reference), \(dossier.procedureTitle))",
                when: "Message reçu \(FrenchDateTime.text(sentAt))", path: DossierPaths.resident(dossier.id) + "#historique")
        }
        let due = dashboard.invoicesDue
        let all = dashboard.dossiers
        let inProgress = all.filter { !$0.status.isClosed && $0.status != .draft }.map(DashboardView.DossierLink.init)
        let drafts = all.filter { $0.status == .draft }.map(DashboardView.DossierLink.init)
        let closed = all.filter(\.status.isClosed).map(DashboardView.DossierLink.init)
        let view = DashboardView(
            layout: pages.layout("Mon espace", context),
            toDo: toDo,
            hasToDo: !toDo.isEmpty,
            displayName: overview.actor.displayName,
            communeName: overview.commune?.name,
            notice: context.request.queryValue("bienvenue") == "1" ? "Votre compte est créé. Bienvenue !" : nil,
            inProgress: inProgress, drafts: drafts, closed: closed,
            hasInProgress: !inProgress.isEmpty, hasDrafts: !drafts.isEmpty, hasClosed: !closed.isEmpty,
            isEmpty: all.isEmpty,
            invoicesDue: due.count == 0 ? nil
                : "\(due.count) facture\(due.count > 1 ? "s" : "") à payer : \(Euros.format(due.remainingCents))"
        )
        return pages.page("dossiers/dashboard", view, context)
    }
}
