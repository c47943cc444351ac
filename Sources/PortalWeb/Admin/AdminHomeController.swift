import PortalCore
import PortalHTTP

/// `/admin`: the administrators' home. It lists the reference entries the team must still check
/// (staff notes, demo contact details), which public pages never show, and says what is still to come.
struct AdminHomeController: Sendable {
    let spaces: Spaces
    let catalogue: Catalogue
    let pages: PageRenderer

    struct HomeView {
        let layout: LayoutContext
        let displayName: String
        let notice: String?
        let reviewCount: String
        let review: [Entry]
        let hasReview: Bool
        let upcoming: [String]
        let hasUpcoming: Bool
        /// A manager's organisations, whose details, agents and journal they keep here.
        let managedOrganisations: String?
    }

    /// One entry to check: its name, what it is, the public page showing it if any, and the notes.
    struct Entry {
        let name: String
        let kind: String
        let path: String?
        let notes: [String]
    }

    /// `GET /admin`.
    func show(_ context: RequestContext) throws -> HTTPResponse {
        let overview = try spaces.overview(of: .admin, actor: context.account)
        let review = try catalogue.entriesToVerify(actor: context.account).map(Self.entry)
        let isManager = overview.actor.role == .manager
        let view = HomeView(
            layout: pages.layout(Space.admin.title, context),
            displayName: overview.actor.displayName,
            notice: context.request.queryValue("bienvenue") == "1" ? "Votre compte est créé. Bienvenue !" : nil,
            reviewCount: "\(FrenchNumber.format(review.count)) entrée\(review.count > 1 ? "s" : "")",
            review: review,
            hasReview: !review.isEmpty,
            upcoming: isManager ? [] : [
                       "Changer l'adresse d'une démarche en gardant l'ancienne, et prévisualiser un brouillon",
                       "Les tarifs, les âges, les communes et les pièces demandées des activités, et la création d'une activité",
                       "Les démarches proposées en ligne et leurs formulaires"],
            hasUpcoming: !isManager,
            managedOrganisations: isManager ? overview.organisationName : nil)
        return pages.page("admin/home", view, context)
    }

    private static func entry(_ item: ReviewItem) -> Entry {
        switch item.subject {
        case .organisation(let organisation):
            Entry(name: organisation.name, kind: "Organisation", path: AdminPaths.organisation(organisation.id), notes: item.notes)
        case .procedure(let procedure):
            Entry(name: procedure.title, kind: "Démarche", path: AdminPaths.procedure(procedure.slug), notes: item.notes)
        }
    }
}
