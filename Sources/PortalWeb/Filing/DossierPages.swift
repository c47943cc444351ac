import Foundation
import PortalCore
import PortalHTTP

/// The resident's side of a filed dossier: its page with its acknowledgement, documents asked for and messages.
struct DossierPages: Sendable {
    let dossiers: Dossiers
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct ReusableFile {
        let inputId: String
        let id: Int64
        let name: String
    }

    struct PieceView {
        let id: Int64
        let label: String
        let explanation: String
        let dueOn: String
        let refusalReason: String?
        let action: String
        let error: String?
        let reusable: [ReusableFile]
        let hasReusable: Bool
    }

    struct DossierView {
        let layout: LayoutContext
        let pieces: [PieceView]
        let hasPieces: Bool
        let justFiled: Bool
        let reference: String
        let procedureTitle: String
        let status: String
        let receipt: ReceiptView?
        let answers: [AnswerRow]
        let timeline: [TimelineLine]
        let csrfToken: String
        let messagePath: String
        let messageSent: Bool
        let pieceSent: Bool
        let hasErrors: Bool
        let errors: [FilingController.ErrorLink]
        let messageError: String?
        let typedMessage: String
    }

    /// `GET …/dossiers/{id}/documents/{file}`: a document of the dossier, as an attachment, to
    /// the resident or the handling service only.
    func document(_ context: RequestContext, dossierId: Int64, fileId: Int64) throws -> HTTPResponse {
        let (file, bytes) = try dossiers.file(fileId, of: dossierId, actor: context.account, now: now())
        var headers = HTTPHeaders()
        headers["Content-Type"] = file.kind.contentType
        headers["Content-Disposition"] = ContentDisposition.attachment(filename: file.originalName)
        headers["Cache-Control"] = "private, no-store"
        return HTTPResponse(status: .ok, headers: headers, body: Array(bytes))
    }

    /// `POST /mon-espace/dossiers/{id}/pieces/{request}`: the resident sends a document asked
    /// for, a new file or one sent before.
    func supply(_ context: RequestContext, id: Int64, requestId: Int64) throws -> HTTPResponse {
        let form = try context.postedForm()
        let upload = form.files.first { $0.name == "document" }.map { Dossiers.Upload(filename: $0.filename, bytes: $0.data) }
        do {
            _ = try dossiers.supply(requestId, upload: upload, reusing: form["reprise"].flatMap(Int64.init), actor: context.account, now: now())
        } catch DossierError.documentMissing {
            return try dossier(context, id: id, pieceError: (requestId, "Choisissez le document à envoyer."))
        } catch let problem as FileStore.Problem {
            return try dossier(context, id: id, pieceError: (requestId, problem.message))
        } catch DossierError.documentAlreadySupplied {
            return pages.redirect(to: DossierPaths.resident(id), context)
        }
        return pages.redirect(to: DossierPaths.resident(id) + "?piece=1", context)
    }

    /// `POST /mon-espace/dossiers/{id}/message`: the resident writes to the service.
    func message(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let form = try context.postedForm()
        let attachment = form.files.first { $0.name == "piece-jointe" }.map { Dossiers.Upload(filename: $0.filename, bytes: $0.data) }
        do {
            try dossiers.sendMessage(form["message"] ?? "", attachment: attachment, on: id, actor: context.account, now: now())
        } catch let problem as FileStore.Problem {
            return try dossier(context, id: id, messageError: problem.message, typed: form["message"])
        } catch let problem as TypedText.Problem {
            return try dossier(context, id: id, messageError: problem.message, typed: form["message"])
        } catch DossierError.textRequired {
            return try dossier(context, id: id, messageError: "Saisissez votre message.")
        } catch DossierError.textTooLong(let maximum) {
            return try dossier(context, id: id, messageError: "Votre message doit faire au plus \(maximum) caractères.", typed: form["message"])
        }
        return pages.redirect(to: DossierPaths.resident(id) + "?envoye=1#historique", context)
    }

    struct ReceiptView {
        let receivedAt: String
        let service: OrganisationView
        let silenceText: String
        let appealText: String?
    }

    /// `GET /mon-espace/dossiers/{id}`: the dossier, its acknowledgement, answers and timeline.
    func dossier(
        _ context: RequestContext, id: Int64, messageError: String? = nil, typed: String? = nil,
        pieceError: (requestId: Int64, message: String)? = nil
    ) throws -> HTTPResponse {
        let dossier = try dossiers.residentsOwnDossier(id, context, now: now())
        if dossier.status == .draft { return pages.redirect(to: FilingController.draftPath(id), context) }
        let receipt = try dossiers.acknowledgement(of: id, actor: context.account, now: now())
        let form = try dossiers.form(of: dossier)
        let answers = AnswerRow.rows(dossier.answers, of: form, catalogue: catalogue, documents: DossierPaths.resident(id) + "/documents")
        let reusable = try dossiers.reusableFiles(of: context.account, now: now())
        let pieces = try dossiers.documentRequests(of: id, actor: context.account, now: now()).filter { $0.status == .requested }.map { request in
            PieceView(
                id: request.id, label: request.label, explanation: request.explanation, dueOn: request.dueOn.french,
                refusalReason: request.refusalReason, action: DossierPaths.resident(id) + "/pieces/\(request.id)",
                error: pieceError?.requestId == request.id ? pieceError?.message : nil,
                reusable: reusable.map { ReusableFile(inputId: "reprise-\(request.id)-\($0.id)", id: $0.id, name: "\($0.originalName) (\($0.sizeText))") },
                hasReusable: !reusable.isEmpty)
        }
        let errorLinks = (messageError.map { [FilingController.ErrorLink(field: "message", message: $0)] } ?? [])
            + (pieceError.map { [FilingController.ErrorLink(field: "piece-\($0.requestId)", message: $0.message)] } ?? [])
        let view = DossierView(
            layout: pages.layout("Demande \(dossier.reference)", context, hasErrors: !errorLinks.isEmpty),
            pieces: pieces,
            hasPieces: !pieces.isEmpty,
            justFiled: context.request.queryValue("depose") == "1",
            reference: dossier.reference,
            procedureTitle: dossier.procedureTitle,
            status: dossier.status.label,
            receipt: ReceiptView(receivedAt: receipt.receivedAtText, service: OrganisationView(receipt.service),
                                 silenceText: receipt.silenceText, appealText: receipt.appealText),
            answers: answers,
            timeline: try dossiers.timeline(of: id, actor: context.account, now: now()).map {
                TimelineLine($0, documents: DossierPaths.resident(id) + "/documents")
            },
            csrfToken: context.csrfToken,
            messagePath: DossierPaths.resident(id) + "/message",
            messageSent: context.request.queryValue("envoye") == "1",
            pieceSent: context.request.queryValue("piece") == "1",
            hasErrors: !errorLinks.isEmpty,
            errors: errorLinks,
            messageError: messageError,
            typedMessage: typed ?? ""
        )
        return pages.page("dossiers/dossier", view, context, status: errorLinks.isEmpty ? .ok : .unprocessableContent)
    }
}
