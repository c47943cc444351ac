import PortalCore

/// A procedure's public page, `/demarches/{slug}`: what it is, who handles it for the chosen commune,
/// how to do it, what to bring. Also an administrator's preview of unsaved changes (``preview``).
struct ProcedureView {
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

    /// What an administrator's preview adds: whose page it shows, and the typed values to save them
    /// or to go back to the form with them.
    struct Preview {
        /// "de Langeais", "d'Ambillou".
        let ofCommune: String
        let csrfToken: String
        let fields: [HiddenField]
        let savePath: String
        let backPath: String
    }

    struct HiddenField {
        let name: String
        let value: String
    }

    let layout: LayoutContext
    let preview: Preview?
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

    /// The page of `procedure` as a resident of `commune` (nil: not chosen) sees it on `today`.
    init(_ procedure: Procedure, commune: Commune?, catalogue: Catalogue, layout: LayoutContext, onlineRequest: OnlineRequest?,
         today: CalendarDay, preview: Preview? = nil) {
        self.layout = layout
        self.preview = preview
        self.onlineRequest = onlineRequest
        title = procedure.title
        summary = procedure.summary
        categoryId = procedure.categoryId
        categoryTitle = catalogue.categories().first { $0.id == procedure.categoryId }?.title ?? "Démarches"
        chosenCommune = commune.map(ChosenCommune.init)
        defaultHandler = catalogue.defaultHandlerDescription(procedure.handler)
        handler = commune.map { HandlerView(catalogue.handler(for: procedure, commune: $0.insee), today: today) }
        communeForm = CommuneChoice(action: CataloguePaths.procedure(procedure.slug), communes: catalogue.communes(), selected: commune?.insee)
        howTo = procedure.howTo
        channels = procedure.channels.map {
            let line = HandlerWording.channel($0, onlineURL: procedure.onlineURL)
            return ChannelLine(label: line.label, url: line.url)
        }
        documents = procedure.documents
        hasDocuments = !procedure.documents.isEmpty
        cost = procedure.cost ?? "Non précisé"
        delay = procedure.delay ?? "Non précisé"
        description = procedure.description
    }
}
