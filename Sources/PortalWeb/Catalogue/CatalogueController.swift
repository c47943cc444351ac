import PortalCore
import PortalHTTP

/// The public information pages: home, catalogue and search, one procedure.
struct CatalogueController: Sendable {
    let catalogue: Catalogue
    /// The published forms: a procedure with one can be done online on this portal.
    let forms: FormStore
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
    private func onlineRequest(for procedure: Procedure, commune: Commune?, _ context: RequestContext) throws -> ProcedureView.OnlineRequest? {
        guard try forms.hasForm(procedureSlug: procedure.slug) else { return nil }
        guard let account = context.account else {
            return ProcedureView.OnlineRequest(startAction: nil, csrfToken: "", logInPath: LocalRedirect.logIn(returningTo: CataloguePaths.procedure(procedure.slug)))
        }
        guard account.role == .resident, let own = account.communeInsee else { return nil }
        if case .notOffered = catalogue.handler(for: procedure, commune: own) { return nil }
        return ProcedureView.OnlineRequest(startAction: CataloguePaths.startRequest(procedure.slug), csrfToken: context.csrfToken, logInPath: nil)
    }

    static func resultCount(_ count: Int) -> String {
        switch count {
        case 0: "Aucune démarche trouvée"
        case 1: "1 démarche trouvée"
        default: "\(count) démarches trouvées"
        }
    }

    /// `GET /demarches/{slug}`; a former address of a procedure redirects to its page for good.
    func procedure(_ context: RequestContext, slug: String) throws -> HTTPResponse {
        guard let procedure = catalogue.publishedProcedure(slug: slug) else {
            guard let renamed = catalogue.renamedProcedure(from: slug) else { throw PageNotFound() }
            let query = context.request.query.map { "?" + $0 } ?? ""
            return HTTPResponse.redirect(to: CataloguePaths.procedure(renamed) + query, status: .movedPermanently)
        }
        let commune = context.communeInsee.flatMap(catalogue.commune(insee:))
        let view = ProcedureView(procedure, commune: commune, catalogue: catalogue, layout: pages.layout(procedure.title, context),
                                 onlineRequest: try onlineRequest(for: procedure, commune: commune, context), today: context.today)
        return pages.page("catalogue/procedure", view, context)
    }
}
