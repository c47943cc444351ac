import Foundation
import PortalCore
import PortalHTTP

/// The resident's side of filed dossiers: the dashboard and one dossier with its acknowledgement.
struct DossierPages: Sendable {
    let dossiers: Dossiers
    let spaces: Spaces
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct DossierLink {
        let reference: String
        let title: String
        let status: String
        let date: String
        let path: String
    }

    struct DashboardView {
        let layout: LayoutContext
        let displayName: String
        let communeName: String?
        let notice: String?
        let inProgress: [DossierLink]
        let drafts: [DossierLink]
        let closed: [DossierLink]
        let hasInProgress: Bool
        let hasDrafts: Bool
        let hasClosed: Bool
        let isEmpty: Bool
    }

    /// `GET /mon-espace`: what needs the resident first, then dossiers in progress, drafts, closed ones.
    func dashboard(_ context: RequestContext) throws -> HTTPResponse {
        let overview: SpaceOverview
        do {
            overview = try spaces.overview(of: .resident, actor: context.account)
        } catch AccessError.unauthenticated {
            return pages.redirect(to: "/connexion?next=/mon-espace", context)
        } catch AccessError.notFound {
            throw PageNotFound()
        }
        let all = try dossiers.dossiers(of: overview.actor, now: now())
        func link(_ dossier: Dossier) -> DossierLink {
            let isDraft = dossier.status == .draft
            let date = isDraft
                ? "À terminer avant le \(dossier.draftExpiresAt.map { CalendarDay($0).french } ?? "")"
                : "Déposée le \(CalendarDay(dossier.filedAt ?? dossier.createdAt).french)"
            return DossierLink(
                reference: dossier.reference, title: dossier.procedureTitle, status: dossier.status.label, date: date,
                path: isDraft ? FilingHandlers.draftPath(dossier.id) : "/mon-espace/dossiers/\(dossier.id)")
        }
        let inProgress = all.filter { !$0.status.isClosed && $0.status != .draft }.map(link)
        let drafts = all.filter { $0.status == .draft }.map(link)
        let closed = all.filter(\.status.isClosed).map(link)
        let view = DashboardView(
            layout: pages.layout("Mon espace", context),
            displayName: overview.actor.displayName,
            communeName: overview.commune?.name,
            notice: context.request.queryValue("bienvenue") == "1" ? "Votre compte est créé. Bienvenue !" : nil,
            inProgress: inProgress, drafts: drafts, closed: closed,
            hasInProgress: !inProgress.isEmpty, hasDrafts: !drafts.isEmpty, hasClosed: !closed.isEmpty,
            isEmpty: all.isEmpty
        )
        return pages.page("dossiers/dashboard", view, context)
    }

    struct DossierView {
        let layout: LayoutContext
        let justFiled: Bool
        let reference: String
        let procedureTitle: String
        let status: String
        let receipt: ReceiptView?
        let answers: [FilingHandlers.AnswerRow]
        let timeline: [TimelineLine]
        let csrfToken: String
        let messagePath: String
        let messageSent: Bool
        let hasErrors: Bool
        let errors: [FilingHandlers.ErrorLink]
        let messageError: String?
        let typedMessage: String
    }

    /// Where the resident downloads the document of an answer, if it is one.
    static func documentPath(_ dossierId: Int64, _ answer: FormAnswer?) -> String? {
        guard case .file(let file) = answer else { return nil }
        return "/mon-espace/dossiers/\(dossierId)/documents/\(file.fileId)"
    }

    /// `GET …/dossiers/{id}/documents/{file}`: a document of the dossier, as an attachment, to
    /// the resident or the handling service only.
    func document(_ context: RequestContext, dossierId: Int64, fileId: Int64) throws -> HTTPResponse {
        let (file, bytes): (StoredFile, Data)
        do {
            (file, bytes) = try dossiers.file(fileId, of: dossierId, actor: context.account, now: now())
        } catch is DossierError {
            throw PageNotFound()
        }
        var headers = HTTPHeaders()
        headers["Content-Type"] = file.kind.contentType
        headers["Content-Disposition"] = ContentDisposition.attachment(filename: file.originalName)
        headers["Cache-Control"] = "private, no-store"
        return HTTPResponse(status: .ok, headers: headers, body: Array(bytes))
    }

    /// `POST /mon-espace/dossiers/{id}/message`: the resident writes to the service.
    func message(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let form = try context.request.urlEncodedForm()
        guard context.hasValidCSRFToken(form[CSRFProtection.fieldName]) else { throw StaleForm() }
        do {
            try dossiers.sendMessage(form["message"] ?? "", on: id, actor: context.account, now: now())
        } catch DossierError.textRequired {
            return try dossier(context, id: id, messageError: "Saisissez votre message.")
        } catch DossierError.textTooLong(let maximum) {
            return try dossier(context, id: id, messageError: "Votre message doit faire au plus \(maximum) caractères.", typed: form["message"])
        } catch is DossierError {
            throw PageNotFound()
        }
        return pages.redirect(to: "/mon-espace/dossiers/\(id)?envoye=1#historique", context)
    }

    struct ReceiptView {
        let receivedAt: String
        let service: OrganisationView
        let silenceText: String
        let appealText: String?
    }

    /// `GET /mon-espace/dossiers/{id}`: the dossier, its acknowledgement, answers and timeline.
    func dossier(_ context: RequestContext, id: Int64, messageError: String? = nil, typed: String? = nil) throws -> HTTPResponse {
        guard context.account != nil else { return pages.redirect(to: "/connexion?next=/mon-espace/dossiers/\(id)", context) }
        let dossier: Dossier
        do {
            dossier = try dossiers.dossier(id: id, actor: context.account, now: now())
        } catch is DossierError {
            throw PageNotFound()
        }
        guard dossier.accountId == context.account?.id else { throw PageNotFound() }
        if dossier.status == .draft { return pages.redirect(to: FilingHandlers.draftPath(id), context) }
        let receipt = try dossiers.acknowledgement(of: id, actor: context.account, now: now())
        let form = try dossiers.form(of: dossier)
        let answers = form.visiblePages(for: dossier.answers).flatMap { page in
            page.visibleFields(for: dossier.answers).filter { $0.kind != .explanation }.map { field in
                FilingHandlers.AnswerRow(
                    label: field.label,
                    lines: AnswerText.lines(field, dossier.answers[field.id], catalogue: catalogue),
                    changePath: "",
                    documentPath: Self.documentPath(dossier.id, dossier.answers[field.id]))
            }
        }
        let view = DossierView(
            layout: pages.layout("Demande \(dossier.reference)", context, hasErrors: messageError != nil),
            justFiled: context.request.queryValue("depose") == "1",
            reference: dossier.reference,
            procedureTitle: dossier.procedureTitle,
            status: dossier.status.label,
            receipt: ReceiptView(receivedAt: receipt.receivedAtText, service: OrganisationView(receipt.service),
                                 silenceText: receipt.silenceText, appealText: receipt.appealText),
            answers: answers,
            timeline: try dossiers.timeline(of: id, actor: context.account, now: now()).map(TimelineLine.init),
            csrfToken: context.csrfToken,
            messagePath: "/mon-espace/dossiers/\(id)/message",
            messageSent: context.request.queryValue("envoye") == "1",
            hasErrors: messageError != nil,
            errors: messageError.map { [FilingHandlers.ErrorLink(field: "message", message: $0)] } ?? [],
            messageError: messageError,
            typedMessage: typed ?? ""
        )
        return pages.page("dossiers/dossier", view, context, status: messageError == nil ? .ok : .unprocessableContent)
    }
}
