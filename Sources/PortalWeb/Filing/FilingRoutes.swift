import PortalHTTP

/// Online requests page by page, and the resident's dossiers' pages.
struct FilingRoutes: RouteCollection {
    let filing: FilingController
    let dossiers: DossierPages

    func register(into routes: inout SiteRoutes) {
        let filing = self.filing, dossiers = self.dossiers
        routes.page(.POST, "/demarches/{slug}/demande") { context, parameters in try filing.start(context, slug: parameters["slug"] ?? "") }
        routes.objectPage(.GET, "/mon-espace/demandes/{id}") { context, id, _ in try filing.resume(context, id: id) }
        routes.objectPage(.GET, "/mon-espace/demandes/{id}/pages/{page}") { context, id, parameters in
            try filing.showPage(context, id: id, pageId: parameters["page"] ?? "")
        }
        routes.objectPage(.POST, "/mon-espace/demandes/{id}/pages/{page}", keepsAnswersWhenStale: true) { context, id, parameters in
            try filing.answerPage(context, id: id, pageId: parameters["page"] ?? "")
        }
        routes.objectPage(.GET, "/mon-espace/demandes/{id}/verifier") { context, id, _ in try filing.checkAnswers(context, id: id) }
        routes.objectPage(.GET, "/mon-espace/demandes/{id}/fin") { context, id, _ in try filing.ending(context, id: id) }
        routes.objectPage(.POST, "/mon-espace/demandes/{id}/deposer") { context, id, _ in try filing.submit(context, id: id) }
        routes.objectPage(.GET, "/mon-espace/dossiers/{id}") { context, id, _ in try dossiers.dossier(context, id: id) }
        routes.objectPage(.POST, "/mon-espace/dossiers/{id}/pieces/{request}") { context, id, parameters in
            try dossiers.supply(context, id: id, requestId: try parameters.id("request"))
        }
        routes.objectPage(.POST, "/mon-espace/dossiers/{id}/message") { context, id, _ in try dossiers.message(context, id: id) }
        routes.objectPage(.GET, "/mon-espace/dossiers/{id}/documents/{file}") { context, id, parameters in
            try dossiers.document(context, dossierId: id, fileId: try parameters.id("file"))
        }
    }
}
