import PortalCore
import PortalHTTP

/// The pages about communes: the list, one commune, and who handles what.
struct CommuneController: Sendable {
    let catalogue: Catalogue
    let pages: PageRenderer

    struct CommuneRow {
        let name: String
        let path: String
        let postalCodes: String
        let population: String
    }

    struct CommunesView {
        let layout: LayoutContext
        let communes: [CommuneRow]
    }

    func communes(_ context: RequestContext) throws -> HTTPResponse {
        let view = CommunesView(
            layout: pages.layout("Les 28 communes", context),
            communes: catalogue.communes().map {
                CommuneRow(
                    name: $0.name,
                    path: CataloguePaths.commune($0.insee),
                    postalCodes: $0.postalCodes.joined(separator: ", "),
                    population: FrenchNumber.format($0.population)
                )
            }
        )
        return pages.page("catalogue/communes", view, context)
    }

    struct ProcedureGroup {
        let id: String
        let title: String
        let procedures: [ProcedureLink]
    }

    struct CommuneView {
        let layout: LayoutContext
        let insee: String
        let name: String
        let postalCodes: String
        let population: String
        let mairie: OrganisationView?
        let groups: [ProcedureGroup]
    }

    func commune(_ context: RequestContext, insee: String) throws -> HTTPResponse {
        guard let commune = catalogue.commune(insee: insee) else { throw PageNotFound() }
        var mairie: [ProcedureLink] = [], intercommunal: [ProcedureLink] = [], outside: [ProcedureLink] = []
        var neighbour: [ProcedureLink] = [], notOffered: [ProcedureLink] = []
        for (summary, resolution) in catalogue.handlers(forCommune: insee) {
            let link = ProcedureLink(summary)
            switch resolution {
            case .notOffered:
                notOffered.append(link)
            case .organisation(let organisation, _, _):
                switch organisation.kind {
                case .mairie: organisation.id == commune.mairieId ? mairie.append(link) : neighbour.append(link)
                case .intercommunality, .intercommunalService: intercommunal.append(link)
                case .franceServices, .external: outside.append(link)
                }
            }
        }
        let groups = [
            ProcedureGroup(id: "mairie-demarches", title: "À la mairie de \(commune.name)", procedures: mairie),
            ProcedureGroup(id: "voisine", title: "Dans une commune voisine", procedures: neighbour),
            ProcedureGroup(id: "cctoval", title: "Auprès de la Communauté de communes", procedures: intercommunal),
            ProcedureGroup(id: "exterieur", title: "Auprès d'un organisme extérieur", procedures: outside),
            ProcedureGroup(id: "non-proposees", title: "Non proposées à \(commune.name)", procedures: notOffered),
        ].filter { !$0.procedures.isEmpty }
        let view = CommuneView(
            layout: pages.layout(commune.name, context),
            insee: commune.insee,
            name: commune.name,
            postalCodes: commune.postalCodes.joined(separator: ", "),
            population: FrenchNumber.format(commune.population),
            mairie: catalogue.organisation(id: commune.mairieId).map { OrganisationView($0, today: context.today) },
            groups: groups
        )
        return pages.page("catalogue/commune", view, context)
    }

    struct ExceptionLine {
        let communeName: String
        let communePath: String
        let text: String
    }

    struct WhoRow {
        let title: String
        let path: String
        let handler: String
        let exceptions: [ExceptionLine]
        let hasExceptions: Bool
    }

    struct WhoTable {
        let id: String
        let title: String
        let rows: [WhoRow]
    }

    struct WhoDoesWhatView {
        let layout: LayoutContext
        let communeForm: CommuneChoice
        let chosenCommune: ChosenCommune?
        let tables: [WhoTable]
    }

    /// One table per theme: each procedure, who handles it (for the chosen commune, or in
    /// general), and the communes where it is different.
    func whoDoesWhat(_ context: RequestContext) throws -> HTTPResponse {
        let chosen = context.communeInsee.flatMap(catalogue.commune(insee:))
        let rows = catalogue.whoDoesWhat()
        let tables = catalogue.categories().map { category in
            WhoTable(
                id: category.id,
                title: category.title,
                rows: rows.filter { $0.procedure.categoryId == category.id }.map { row(for: $0, chosen: chosen) }
            )
        }.filter { !$0.rows.isEmpty }
        let view = WhoDoesWhatView(
            layout: pages.layout("Qui fait quoi ?", context),
            communeForm: CommuneChoice(action: CataloguePaths.whoDoesWhat, communes: catalogue.communes(), selected: chosen?.insee),
            chosenCommune: chosen.map(ChosenCommune.init),
            tables: tables
        )
        return pages.page("catalogue/who-does-what", view, context)
    }

    private func row(for row: WhoDoesWhatRow, chosen: Commune?) -> WhoRow {
        let forChosen = chosen.flatMap { commune in
            catalogue.procedure(slug: row.procedure.slug).map { catalogue.handler(for: $0, commune: commune.insee) }
        }
        let exceptions = row.exceptions.map {
            ExceptionLine(communeName: $0.commune.name, communePath: CataloguePaths.commune($0.commune.insee), text: HandlerWording.resolved($0.resolution))
        }
        return WhoRow(
            title: row.procedure.title,
            path: CataloguePaths.procedure(row.procedure.slug),
            handler: forChosen.map(HandlerWording.resolved) ?? row.defaultHandler,
            exceptions: exceptions,
            hasExceptions: !exceptions.isEmpty
        )
    }
}
