import PortalCore
import PortalHTTP

/// The space still under construction: the administration. Who may open which is decided in PortalCore.
struct SpaceController: Sendable {
    let spaces: Spaces
    let pages: PageRenderer

    struct SpaceView {
        let layout: LayoutContext
        let heading: String
        let displayName: String
        let organisationName: String?
        let communeName: String?
        let notice: String?
        let intro: String
        let upcoming: [String]
    }

    /// The space's home for its own role (its route lets no one else in).
    func show(_ space: Space, _ context: RequestContext) throws -> HTTPResponse {
        let overview = try spaces.overview(of: space, actor: context.account)
        guard let text = Self.text(for: space) else { throw PageNotFound() }
        let view = SpaceView(
            layout: pages.layout(space.title, context),
            heading: text.heading,
            displayName: overview.actor.displayName,
            organisationName: overview.organisation?.name,
            communeName: overview.commune?.name,
            notice: context.request.queryValue("bienvenue") == "1" ? "Votre compte est créé. Bienvenue !" : nil,
            intro: text.intro,
            upcoming: text.upcoming
        )
        return pages.page("spaces/space", view, context)
    }

    /// What the spaces still under construction say; the resident's space is ``DossierPages``,
    /// the agent's ``AgentController``, the France Services counter ``FranceServicesHomeController``.
    private static func text(for space: Space) -> (heading: String, intro: String, upcoming: [String])? {
        switch space {
        case .resident, .agent, .franceServices:
            nil
        case .admin:
            ("Administration",
             "Vous y gérerez bientôt le portail de la Communauté de communes.",
             ["Le catalogue des démarches et les règles « qui fait quoi » par commune",
              "Les organisations, leurs coordonnées et leurs horaires",
              "Les comptes des agents et des conseillers France Services",
              "Les formulaires en ligne"])
        }
    }
}
