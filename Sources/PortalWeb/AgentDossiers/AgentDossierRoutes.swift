import PortalHTTP

/// The agents' queue, its export, and a dossier's page with its actions and documents.
struct AgentDossierRoutes: RouteCollection {
    let queue: AgentController
    let dossier: AgentDossierController
    /// Serves the dossier's documents, as to its resident.
    let documents: DossierPages

    func register(into routes: inout SiteRoutes) {
        let queue = self.queue, dossier = self.dossier, documents = self.documents
        routes.spacePage(.GET, "/agent") { context, _ in try queue.queue(context) }
        routes.spacePage(.GET, "/agent/export.csv") { context, _ in try queue.export(context) }
        routes.objectPage(.GET, "/agent/dossiers/{id}") { context, id, _ in try dossier.show(context, id: id) }
        routes.objectPage(.POST, "/agent/dossiers/{id}/action") { context, id, _ in try dossier.act(context, id: id) }
        routes.objectPage(.POST, "/agent/dossiers/{id}/pieces") { context, id, _ in try dossier.requestDocument(context, id: id) }
        routes.objectPage(.POST, "/agent/dossiers/{id}/pieces/{request}/verification") { context, id, parameters in
            try dossier.reviewDocument(context, id: id, requestId: try parameters.id("request"))
        }
        routes.objectPage(.POST, "/agent/dossiers/{id}/attribution") { context, id, _ in try dossier.assign(context, id: id) }
        routes.objectPage(.POST, "/agent/dossiers/{id}/note") { context, id, _ in try dossier.write(context, id: id, isInternal: true) }
        routes.objectPage(.POST, "/agent/dossiers/{id}/message") { context, id, _ in try dossier.write(context, id: id, isInternal: false) }
        routes.objectPage(.GET, "/agent/dossiers/{id}/documents/{file}") { context, id, parameters in
            try documents.document(context, dossierId: id, fileId: try parameters.id("file"))
        }
    }
}
