import Foundation
import PortalCore
import PortalHTTP

/// One dossier in the agent back-office: answers, documents, timeline with internal notes,
/// and the actions its status allows. The core refuses any action that makes no sense.
struct AgentDossierController: Sendable {
    let dossiers: Dossiers
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// An action as the page's buttons name it.
    struct Action {
        let value: String
        let label: String
        let action: DossierAction
        let needsReason: Bool
    }

    /// `GET /agent/dossiers/{id}`; again after a mistake, with `errors` and what was `typed` (by input id).
    func show(_ context: RequestContext, id: Int64, errors: ValidationErrors = ValidationErrors(), typed: [String: String] = [:],
              status: HTTPStatus = .ok) throws -> HTTPResponse {
        let dossier = try visible(context, id: id)
        let events = try dossiers.timeline(of: id, actor: context.account, now: now())
        let names = try dossiers.names(of: Set(events.compactMap(\.actorAccountId) + [dossier.accountId]))
        let form = try dossiers.form(of: dossier)
        let basePath = DossierPaths.agent(id)
        let actions = Self.actions.filter { $0.action.target(from: dossier.status) != nil }
        func field(_ id: String) -> FormField { FormField(id: id, value: typed[id] ?? "", error: errors[id]) }
        let requests = try dossiers.documentRequests(of: id, actor: context.account, now: now()).map { request in
            let statusText = switch request.status {
            case .requested: request.refusalReason.map { "Refusé (\($0)), en attente d'un nouveau document" } ?? "En attente du demandeur"
            case .supplied: "Reçu, à vérifier"
            case .accepted: "Accepté"
            }
            return RequestLine(
                id: request.id, label: request.label, explanation: request.explanation, dueOn: request.dueOn.french,
                statusText: statusText,
                documentPath: request.fileId.map { "\(basePath)/documents/\($0)" },
                canReview: request.status == .supplied,
                reason: field("motif-piece-\(request.id)"))
        }
        let view = DossierView(
            layout: pages.layout("Demande \(dossier.reference)", context, hasErrors: !errors.isEmpty),
            documentRequests: requests,
            hasDocumentRequests: !requests.isEmpty,
            canRequestDocuments: dossier.status == .awaitingDocuments || DossierAction.requestDocuments.target(from: dossier.status) != nil,
            requestLabel: field(DocumentRequestDraft.Field.label.rawValue),
            requestExplanation: field(DocumentRequestDraft.Field.explanation.rawValue),
            requestDue: Self.dueField(example: CalendarDay(now()).adding(days: 15), typed: typed, error: errors["echeance-day"]),
            csrfToken: context.csrfToken,
            notice: context.request.queryValue("fait").map { _ in "C'est enregistré." },
            hasErrors: !errors.isEmpty,
            errors: errors.errors.map { FilingController.ErrorLink(field: $0.field, message: $0.message) },
            reference: dossier.reference,
            procedureTitle: dossier.procedureTitle,
            status: dossier.status.label,
            residentName: names[dossier.accountId] ?? "",
            commune: catalogue.commune(insee: dossier.communeInsee)?.name ?? dossier.communeInsee,
            filedAt: dossier.filedAt.map { TimelineLine.dateTime($0) } ?? "",
            channel: dossier.channel.label,
            dueOn: dossier.decisionDueAt.map { CalendarDay($0).french } ?? "",
            answers: AnswerRow.rows(dossier.answers, of: form, catalogue: catalogue, documents: "\(basePath)/documents"),
            actions: actions.filter { !$0.needsReason },
            reasonActions: actions.filter(\.needsReason).map {
                ReasonForm(value: $0.value, label: $0.label, reason: field("motif-\($0.value)"))
            },
            colleagues: try dossiers.colleagues(in: dossier.organisationId ?? "", of: context.account).map {
                Colleague(id: $0.id, name: $0.displayName, selected: $0.id == dossier.assignedAgentId)
            },
            timeline: events.map { event in
                let line = TimelineLine(event, documents: "\(basePath)/documents")
                return EventLine(date: line.date, who: event.actorAccountId.flatMap { names[$0] } ?? "Le portail",
                                 text: line.text, detail: line.detail, isInternal: event.isInternal,
                                 attachmentName: line.attachmentName, attachmentPath: line.attachmentPath)
            },
            message: field("message"),
            note: field("note"),
            basePath: basePath
        )
        return pages.page("agent/dossier", view, context, status: status)
    }

    /// `POST /agent/dossiers/{id}/action`: take in charge, accept, refuse, close, reopen.
    func act(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let form = try context.postedForm()
        let reason = form["motif"] ?? ""
        guard let entry = Self.actions.first(where: { $0.value == form["action"] }) else { throw PageNotFound() }
        let field = "motif-\(entry.value)"
        let action: DossierAction = switch entry.action {
        case .refuse: .refuse(reason: reason)
        case .closeWithoutFollowUp: .closeWithoutFollowUp(reason: reason)
        default: entry.action
        }
        do {
            _ = try dossiers.perform(action, on: id, actor: context.account, now: now())
        } catch DossierError.reasonRequired {
            return try showAgain(context, id: id, "Indiquez le motif : il sera communiqué au demandeur.", field: field, status: .unprocessableContent)
        } catch let problem as TypedText.Problem {
            return try showAgain(context, id: id, problem.message, field: field, typed: [field: reason], status: .unprocessableContent)
        } catch DossierError.invalidTransition {
            return try showAgain(context, id: id, "Cette action n'est plus possible : la demande a changé de statut entre-temps.", field: "actions", status: .conflict)
        }
        return pages.redirect(to: DossierPaths.agent(id) + "?fait=1", context)
    }

    /// `POST /agent/dossiers/{id}/attribution`.
    func assign(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let form = try context.postedForm()
        _ = try dossiers.assign(id, to: form["agent"].flatMap(Int64.init), actor: context.account, now: now())
        return pages.redirect(to: DossierPaths.agent(id) + "?fait=1", context)
    }

    /// `POST /agent/dossiers/{id}/note` (internal) and `/message` (to the resident).
    func write(_ context: RequestContext, id: Int64, isInternal: Bool) throws -> HTTPResponse {
        let form = try context.postedForm()
        let field = isInternal ? "note" : "message"
        let text = form[field] ?? ""
        let attachment = form.files.first { $0.name == "piece-jointe" }.map { Dossiers.Upload(filename: $0.filename, bytes: $0.data) }
        do {
            if isInternal {
                try dossiers.addNote(text, on: id, actor: context.account, now: now())
            } else {
                try dossiers.sendMessage(text, attachment: attachment, on: id, actor: context.account, now: now())
            }
        } catch let problem as FileStore.Problem {
            return try showAgain(context, id: id, problem.message, field: "piece-jointe", typed: [field: text], status: .unprocessableContent)
        } catch let problem as TypedText.Problem {
            return try showAgain(context, id: id, problem.message, field: field, typed: [field: text], status: .unprocessableContent)
        } catch DossierError.textRequired {
            return try showAgain(context, id: id, isInternal ? "Saisissez la note." : "Saisissez votre message.", field: field, status: .unprocessableContent)
        } catch DossierError.textTooLong(let maximum) {
            return try showAgain(context, id: id, "Le texte doit faire au plus \(maximum) caractères.", field: field, typed: [field: text],
                                 status: .unprocessableContent)
        }
        return pages.redirect(to: DossierPaths.agent(id) + "?fait=1", context)
    }

    /// `POST /agent/dossiers/{id}/pieces`: asks the resident for a document.
    func requestDocument(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let form = try context.postedForm()
        var errors = ValidationErrors()
        let typed = Dictionary(form.fields.filter { Self.documentRequestInputs.contains($0.name) }.map { ($0.name, $0.value) },
                               uniquingKeysWith: { first, _ in first })
        let label = typed[DocumentRequestDraft.Field.label.rawValue] ?? ""
        if label.trimmingCharacters(in: .whitespaces).isEmpty { errors.add("Indiquez le document demandé.", for: "libelle") }
        let due = Int(form["echeance-day"] ?? "").flatMap { day in
            Int(form["echeance-month"] ?? "").flatMap { month in
                Int(form["echeance-year"] ?? "").flatMap { CalendarDay(year: $0, month: month, day: day) }
            }
        }
        if due == nil { errors.add("Saisissez une date limite réelle, par exemple 15 3 2027.", for: "echeance-day") }
        if let due, errors.isEmpty {
            do {
                _ = try dossiers.requestDocument(
                    DocumentRequestDraft(label: label, explanation: typed[DocumentRequestDraft.Field.explanation.rawValue] ?? "", dueOn: due),
                    on: id, actor: context.account, now: now())
                return pages.redirect(to: DossierPaths.agent(id) + "?fait=1", context)
            } catch DossierError.invalid(let invalid) {
                for error in invalid.errors { errors.add(error.message, for: error.field) }
            } catch DossierError.dueDateInThePast {
                errors.add("La date limite doit être après aujourd'hui.", for: "echeance-day")
            } catch DossierError.invalidTransition {
                errors.add("On ne peut plus demander de document sur cette demande.", for: "actions")
            } catch DossierError.textTooLong(let maximum) {
                errors.add("Le libellé doit faire au plus \(maximum) caractères.", for: "libelle")
            }
        }
        return try show(context, id: id, errors: errors, typed: typed, status: .unprocessableContent)
    }

    /// `POST /agent/dossiers/{id}/pieces/{request}/verification`: accepts or refuses a document sent.
    func reviewDocument(_ context: RequestContext, id: Int64, requestId: Int64) throws -> HTTPResponse {
        let form = try context.postedForm()
        let field = "motif-piece-\(requestId)"
        do {
            _ = try dossiers.review(requestId, accept: form["decision"] == "accepter", reason: form["motif"], actor: context.account, now: now())
        } catch DossierError.reasonRequired {
            return try showAgain(context, id: id, "Indiquez pourquoi le document est refusé : le demandeur le lira.", field: field, status: .unprocessableContent)
        } catch let problem as TypedText.Problem {
            return try showAgain(context, id: id, problem.message, field: field, typed: [field: form["motif"] ?? ""], status: .unprocessableContent)
        } catch DossierError.documentNotSupplied {
            return try showAgain(context, id: id, "Ce document a déjà été vérifié.", field: "pieces", status: .conflict)
        }
        return pages.redirect(to: DossierPaths.agent(id) + "?fait=1", context)
    }

    /// The dossier page again, with one error about `field`, and what was `typed` kept in its inputs.
    private func showAgain(_ context: RequestContext, id: Int64, _ message: String, field: String, typed: [String: String] = [:],
                           status: HTTPStatus) throws -> HTTPResponse {
        var errors = ValidationErrors()
        errors.add(message, for: field)
        return try show(context, id: id, errors: errors, typed: typed, status: status)
    }

    /// The inputs of the document request's form, kept when it comes back with a mistake.
    static let documentRequestInputs = Set(DocumentRequestDraft.Field.allCases.map(\.rawValue)
                                           + ["echeance-day", "echeance-month", "echeance-year"])

    /// The dossier, if the agent's service handles it (its space's role was checked by its route).
    private func visible(_ context: RequestContext, id: Int64) throws -> Dossier {
        try dossiers.dossier(id: id, actor: context.account, now: now())
    }

    /// The actions agents can take.
    static let actions: [Action] = [
        Action(value: "prendre", label: "Prendre en charge", action: .takeInCharge, needsReason: false),
        Action(value: "accepter", label: "Accepter la demande", action: .accept, needsReason: false),
        Action(value: "rouvrir", label: "Rouvrir la demande", action: .reopen, needsReason: false),
        Action(value: "refuser", label: "Refuser la demande", action: .refuse(reason: ""), needsReason: true),
        Action(value: "classer", label: "Classer sans suite", action: .closeWithoutFollowUp(reason: ""), needsReason: true),
    ]
}
