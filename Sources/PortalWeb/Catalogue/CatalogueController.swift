import PortalCore
import PortalHTTP

/// The public information pages: home, catalogue and search, one procedure.
struct CatalogueController: Sendable {
    let catalogue: Catalogue
    /// The procedures that can be done online on this portal (they have a published form).
    let onlineProcedures: Set<String>
    let pages: PageRenderer

    struct SearchBox {
        let query: String?
        let commune: String?
    }

    struct CategoryLink {
        let title: String
        let description: String?
        let path: String
    }

    struct HomeView {
        let layout: LayoutContext
        let search: SearchBox
        let communeForm: CommuneChoice
        let chosenCommune: ChosenCommune?
        let popular: [ProcedureLink]
        let categories: [CategoryLink]
    }

    func home(_ context: RequestContext) throws -> HTTPResponse {
        let commune = context.communeInsee
        let view = HomeView(
            layout: pages.layout("Accueil", context),
            search: SearchBox(query: nil, commune: nil),
            communeForm: CommuneChoice(action: "/", communes: catalogue.communes(), selected: commune),
            chosenCommune: commune.flatMap(catalogue.commune(insee:)).map(ChosenCommune.init),
            popular: catalogue.popularProcedures().map(ProcedureLink.init),
            categories: catalogue.categories().map {
                CategoryLink(title: $0.title, description: $0.description, path: CataloguePaths.category($0.id))
            }
        )
        return pages.page("catalogue/home", view, context)
    }

    struct Section {
        let id: String
        let title: String
        let description: String?
        let procedures: [ProcedureLink]
    }

    struct CatalogueView {
        let layout: LayoutContext
        let heading: String
        let search: SearchBox
        let communeForm: CommuneChoice
        let chosenCommune: ChosenCommune?
        let isSearch: Bool
        let resultCountText: String
        let hasResults: Bool
        let results: [ProcedureLink]
        let sections: [Section]
    }

    func catalogue(_ context: RequestContext) throws -> HTTPResponse {
        let commune = context.communeInsee
        let query = context.request.queryValue("q").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
        let results = try query.map { try catalogue.search($0, commune: commune) } ?? []
        let heading = query.map { "Résultats pour « \($0) »" } ?? "Toutes les démarches"
        let view = CatalogueView(
            layout: pages.layout(query.map { "Recherche « \($0) »" } ?? "Démarches", context),
            heading: heading,
            search: SearchBox(query: query, commune: commune),
            communeForm: CommuneChoice(action: CataloguePaths.catalogue, query: query, communes: catalogue.communes(), selected: commune),
            chosenCommune: commune.flatMap(catalogue.commune(insee:)).map(ChosenCommune.init),
            isSearch: query != nil,
            resultCountText: Self.resultCount(results.count),
            hasResults: !results.isEmpty,
            results: results.map(ProcedureLink.init),
            sections: catalogue.catalogue(for: commune).map { category, procedures in
                Section(id: category.id, title: category.title, description: category.description, procedures: procedures.map(ProcedureLink.init))
            }
        )
        return pages.page("catalogue/catalogue", view, context)
    }

    /// Offered when the procedure has a form, to visitors (who log in first) and residents whose
    /// commune offers it; agents and advisers don't file for themselves here.
    private func onlineRequest(for procedure: Procedure, commune: Commune?, _ context: RequestContext) -> OnlineRequest? {
        guard onlineProcedures.contains(procedure.slug) else { return nil }
        guard let account = context.account else {
            return OnlineRequest(startAction: nil, csrfToken: "", logInPath: LocalRedirect.logIn(returningTo: CataloguePaths.procedure(procedure.slug)))
        }
        guard account.role == .resident, let own = account.communeInsee else { return nil }
        if case .notOffered = catalogue.handler(for: procedure, commune: own) { return nil }
        return OnlineRequest(startAction: CataloguePaths.startRequest(procedure.slug), csrfToken: context.csrfToken, logInPath: nil)
    }

    static func resultCount(_ count: Int) -> String {
        switch count {
        case 0: "Aucune démarche trouvée"
        case 1: "1 démarche trouvée"
        default: "\(count) démarches trouvées"
        }
    }

    struct ChannelLine {
        let label: String
        let url: String?
    }

    /// "Faire la demande en ligne": a button for a resident, a log-in link for a visitor.
    struct OnlineRequest {
        let startAction: String?
        let csrfToken: String
        let logInPath: String?
    }

    struct ProcedureView {
        let layout: LayoutContext
        let onlineRequest: OnlineRequest?
        let title: String
        let summary: String
        let categoryId: String
        let categoryTitle: String
        let chosenCommune: ChosenCommune?
        let defaultHandler: String
        let handler: HandlerView?
        let communeForm: CommuneChoice
        let howTo: String?
        let channels: [ChannelLine]
        let documents: [String]
        let hasDocuments: Bool
        let cost: String
        let delay: String
        let description: String?
    }

    func procedure(_ context: RequestContext, slug: String) throws -> HTTPResponse {
        guard let procedure = catalogue.publishedProcedure(slug: slug) else { throw PageNotFound() }
        let commune = context.communeInsee.flatMap(catalogue.commune(insee:))
        let view = ProcedureView(
            layout: pages.layout(procedure.title, context),
            onlineRequest: onlineRequest(for: procedure, commune: commune, context),
            title: procedure.title,
            summary: procedure.summary,
            categoryId: procedure.categoryId,
            categoryTitle: catalogue.categories().first { $0.id == procedure.categoryId }?.title ?? "Démarches",
            chosenCommune: commune.map(ChosenCommune.init),
            defaultHandler: catalogue.defaultHandlerDescription(procedure.handler),
            handler: commune.map { HandlerView(catalogue.handler(for: procedure, commune: $0.insee), today: context.today) },
            communeForm: CommuneChoice(action: CataloguePaths.procedure(procedure.slug), communes: catalogue.communes(), selected: commune?.insee),
            howTo: procedure.howTo,
            channels: procedure.channels.map {
                let line = HandlerWording.channel($0, onlineURL: procedure.onlineURL)
                return ChannelLine(label: line.label, url: line.url)
            },
            documents: procedure.documents,
            hasDocuments: !procedure.documents.isEmpty,
            cost: procedure.cost ?? "Non précisé",
            delay: procedure.delay ?? "Non précisé",
            description: procedure.description
        )
        return pages.page("catalogue/procedure", view, context)
    }
}
