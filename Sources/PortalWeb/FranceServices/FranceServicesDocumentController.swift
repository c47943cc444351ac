import Foundation
import PortalCore
import PortalHTTP

/// Under a mandate, the adviser sends the documents asked of the resident on their dossiers —
/// scanned at the counter — for the dossiers whose procedure the mandate covers.
struct FranceServicesDocumentController: Sendable {
    let desk: FranceServicesDesk
    let dossiers: Dossiers

    struct RequestView {
        let label: String
        let explanation: String
        let dueOn: String
        let refusalReason: String?
        let dossierReference: String
        let procedureTitle: String
        let action: String
        let inputId: String
        let error: String?
    }

    struct ListView {
        let layout: LayoutContext
        let csrfToken: String
        let residentName: String
        let residentPath: String
        let notice: String?
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let requests: [RequestView]
        let hasRequests: Bool
    }

    /// `GET /guichet/habitants/{id}/pieces`.
    func list(_ context: RequestContext, resident id: Int64) throws -> HTTPResponse {
        try render(context, resident: id, error: nil)
    }

    /// `POST /guichet/habitants/{id}/pieces/{request}`: the scanned document (`document`, multipart).
    func supply(_ context: RequestContext, resident id: Int64, request requestId: Int64) throws -> HTTPResponse {
        let (request, dossier) = try pending(requestId, of: id, context)
        let (resident, mandate) = try desk.acting(for: id, in: desk.family(ofProcedure: dossier.procedureSlug), context)
        let form = try context.postedForm()
        let upload = form.files.first { $0.name == "document" }.map { Dossiers.Upload(filename: $0.filename, bytes: $0.data) }
        do {
            _ = try dossiers.supply(requestId, upload: upload, reusing: nil, actor: resident, now: desk.now())
        } catch DossierError.documentMissing {
            return try render(context, resident: id, error: (requestId, "Choisissez le document numérisé à envoyer."))
        } catch let problem as FileStore.Problem {
            return try render(context, resident: id, error: (requestId, problem.message))
        } catch DossierError.documentAlreadySupplied {
            return desk.pages.redirect(to: FranceServicesPaths.documents(id), context)
        }
        try desk.record("Document « \(request.label) » envoyé pour la demande \(dossier.reference)", for: id, under: mandate, context)
        return desk.pages.redirect(to: FranceServicesPaths.documents(id) + "?fait=document", context)
    }

    /// A document still asked of the resident, on a dossier the site's mandates cover; 404 otherwise.
    private func pending(_ requestId: Int64, of id: Int64, _ context: RequestContext) throws -> (DocumentRequest, DossierSummary) {
        guard let found = try pendingRequests(of: id, context).first(where: { $0.0.id == requestId }) else { throw PageNotFound() }
        return found
    }

    private func pendingRequests(of id: Int64, _ context: RequestContext) throws -> [(DocumentRequest, DossierSummary)] {
        let (resident, covered) = try desk.actingForAnyFamily(of: id, context)
        return try dossiers.pendingDocumentRequests(of: resident, now: desk.now()).filter { _, dossier in
            covered.contains(desk.family(ofProcedure: dossier.procedureSlug))
        }
    }

    private func render(_ context: RequestContext, resident id: Int64, error: (requestId: Int64, message: String)?) throws -> HTTPResponse {
        let (resident, _) = try desk.actingForAnyFamily(of: id, context)
        let requests = try pendingRequests(of: id, context).map { request, dossier in
            RequestView(label: request.label, explanation: request.explanation, dueOn: request.dueOn.french,
                        refusalReason: request.refusalReason, dossierReference: dossier.reference, procedureTitle: dossier.procedureTitle,
                        action: FranceServicesPaths.document(id, request: request.id), inputId: "document-\(request.id)",
                        error: error?.requestId == request.id ? error?.message : nil)
        }
        let errors = error.map { [FieldErrorLink(field: "document-\($0.requestId)", message: $0.message)] } ?? []
        let view = ListView(
            layout: desk.pages.layout("Documents demandés à \(resident.displayName)", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            residentName: resident.displayName,
            residentPath: FranceServicesPaths.resident(id),
            notice: context.request.queryValue("fait") == "document" ? "Le document est envoyé au service, qui va le vérifier." : nil,
            hasErrors: !errors.isEmpty,
            errors: errors,
            requests: requests,
            hasRequests: !requests.isEmpty)
        return desk.pages.page("guichet/documents", view, context, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
