import Foundation
import PortalCore
import PortalHTTP

/// The resident's page about France Services (`/mon-espace/france-services`): the mandates they
/// gave (in force and ended), revoking one, and the journal of what advisers did for them.
struct ResidentFranceServicesController: Sendable {
    let franceServices: FranceServices
    let accounts: Accounts
    let spaces: Spaces
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    static let path = "/mon-espace/france-services"
    static func revocationPath(_ mandateId: Int64) -> String { "\(path)/mandats/\(mandateId)/revocation" }

    struct MandateRow {
        let families: [String]
        let siteName: String
        let adviserName: String
        let recordedOn: String
        let state: String
        let isActive: Bool
        let revokePath: String
    }

    struct PageView {
        let layout: LayoutContext
        let csrfToken: String
        let notice: String?
        let active: [MandateRow]
        let ended: [MandateRow]
        let hasActive: Bool
        let hasEnded: Bool
        let journal: [JournalLine]
        let hasJournal: Bool
    }

    /// `GET /mon-espace/france-services`.
    func show(_ context: RequestContext) throws -> HTTPResponse {
        let resident = try spaces.overview(of: .resident, actor: context.account).actor
        let date = now()
        let mandates = try franceServices.mandates(of: resident.id, actor: resident, now: date)
        var advisers: [Int64: String] = [:]
        for id in Set(mandates.map(\.adviserAccountId)) { advisers[id] = try accounts.account(id: id)?.displayName }
        let rows = mandates.map { mandate in
            let state = if let revokedAt = mandate.revokedAt {
                "Révoqué \(FrenchDateTime.text(revokedAt))"
            } else if mandate.isActive(at: date) {
                "En cours, jusqu'au \(ResidentPageView.lastDay(of: mandate)) inclus"
            } else {
                "Terminé le \(ResidentPageView.lastDay(of: mandate)) au soir"
            }
            return MandateRow(
                families: mandate.families.map(\.label), siteName: catalogue.organisation(id: mandate.siteId)?.name ?? "France Services",
                adviserName: advisers[mandate.adviserAccountId] ?? "", recordedOn: FrenchDateTime.text(mandate.createdAt), state: state,
                isActive: mandate.isActive(at: date), revokePath: Self.revocationPath(mandate.id))
        }
        let journal = try franceServices.journal(of: resident).map { JournalLine($0, catalogue: catalogue) }
        let active = rows.filter(\.isActive), ended = rows.filter { !$0.isActive }
        let view = PageView(
            layout: pages.layout("France Services : vos mandats", context),
            csrfToken: context.csrfToken,
            notice: context.request.queryValue("revoque") == "1"
                ? "Le mandat est révoqué : aucun conseiller ne peut plus agir pour vous à ce titre." : nil,
            active: active, ended: ended, hasActive: !active.isEmpty, hasEnded: !ended.isEmpty,
            journal: journal, hasJournal: !journal.isEmpty)
        return pages.page("guichet/resident-space", view, context)
    }

    /// `POST /mon-espace/france-services/mandats/{id}/revocation`: the resident ends a mandate at once.
    func revoke(_ context: RequestContext, mandateId: Int64) throws -> HTTPResponse {
        let resident = try spaces.overview(of: .resident, actor: context.account).actor
        _ = try franceServices.revoke(mandateId, actor: resident, now: now())
        return pages.redirect(to: Self.path + "?revoque=1", context)
    }
}
