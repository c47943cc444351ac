import Foundation
import PortalCore
import PortalHTTP

/// A resident files a request online: start a draft, answer it page by page (saved at every
/// step), check the answers, file it, and read the acknowledgement. The same pages serve a France
/// Services adviser filling a request in for a resident under a mandate: they take the
/// ``FilingPlace`` of the counter, and a context acting as the resident (``RequestContext/acting(as:)``).
struct FilingController: Sendable {
    let dossiers: Dossiers
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    // MARK: Start

    /// `POST /demarches/{slug}/demande`: a new draft, then its first page.
    func start(_ context: RequestContext, slug: String) throws -> HTTPResponse {
        guard let account = context.account else {
            return pages.redirect(to: LocalRedirect.logIn(returningTo: CataloguePaths.procedure(slug)), context)
        }
        do {
            let draft = try dossiers.startDraft(procedureSlug: slug, actor: account, now: now())
            return pages.redirect(to: Self.draftPath(draft.id), context)
        } catch DossierError.procedureNotOnline, DossierError.notOfferedInCommune {
            return pages.redirect(to: CataloguePaths.procedure(slug), context)
        }
    }

    /// `GET /mon-espace/demandes/{id}`: where the resident left off.
    func resume(_ context: RequestContext, id: Int64, place: FilingPlace = .residentSpace) throws -> HTTPResponse {
        try followingFiled(context) {
            let (draft, form) = try draftAndForm(context, id: id, place: place)
            if form.ending(for: draft.answers) != nil || form.firstIncompletePage(for: draft.answers) == nil {
                return pages.redirect(to: place.draft(id) + "/verifier", context)
            }
            let page = form.firstIncompletePage(for: draft.answers) ?? form.pages[0]
            return pages.redirect(to: place.draft(id) + "/pages/\(page.id)", context)
        }
    }

    // MARK: Pages

    struct ErrorLink {
        let field: String
        let message: String
    }

    struct PageView {
        let layout: LayoutContext
        let csrfToken: String
        let procedureTitle: String
        let reference: String
        let title: String
        let intro: String?
        let action: String
        let backPath: String
        let returnTo: String?
        let hasErrors: Bool
        let errors: [ErrorLink]
        let fields: [FieldView]
        /// The form sends files, so it is posted as `multipart/form-data`.
        let sendsFiles: Bool
        let stepText: String
        let draftExpiry: String
        let spacePath: String
        let spaceName: String
        let atCounter: Bool
    }

    /// `GET /mon-espace/demandes/{id}/pages/{page}`.
    func showPage(_ context: RequestContext, id: Int64, pageId: String, place: FilingPlace = .residentSpace) throws -> HTTPResponse {
        try followingFiled(context) {
            let (draft, form) = try draftAndForm(context, id: id, place: place)
            guard let page = form.visiblePages(for: draft.answers).first(where: { $0.id == pageId }) else { throw PageNotFound() }
            return render(page, of: form, draft: draft, context: context, place: place, input: nil, errors: ValidationErrors(), status: .ok)
        }
    }

    /// `POST /mon-espace/demandes/{id}/pages/{page}`: saves the page, then the next one (or the
    /// check-answers page, or the explanation that ends the form).
    func answerPage(_ context: RequestContext, id: Int64, pageId: String, place: FilingPlace = .residentSpace) throws -> HTTPResponse {
        try followingFiled(context) {
            let (draft, form) = try draftAndForm(context, id: id, place: place)
            guard let page = form.visiblePages(for: draft.answers).first(where: { $0.id == pageId }) else { throw PageNotFound() }
            let posted = try context.postedForm()
            let input = FormInput(Dictionary(grouping: posted.fields, by: \.name).mapValues { $0.map(\.value) })
            let uploads = Dictionary(posted.files.map { ($0.name, Dossiers.Upload(filename: $0.filename, bytes: $0.data)) },
                                     uniquingKeysWith: { first, _ in first })
            guard !context.formIsStale else {
                var stale = ValidationErrors()
                stale.add(AccountController.staleFormMessage, for: page.fields.first?.id ?? "")
                return render(page, of: form, draft: draft, context: context, place: place, input: input, errors: stale, status: .forbidden)
            }
            let result = try dossiers.answer(
                page: page.id, of: id, input: input, uploads: uploads, validator: validator(), actor: context.account, now: now())
            guard result.errors.isEmpty else {
                // Read again: documents sent with this page are kept and shown as sent.
                let kept = try dossiers.dossier(id: id, actor: context.account, now: now())
                return render(page, of: form, draft: kept, context: context, place: place, input: input, errors: result.errors,
                              status: .unprocessableContent)
            }
            if form.ending(for: result.answers) != nil {
                return pages.redirect(to: place.draft(id) + "/fin", context)
            }
            if posted["retour"] == "verifier", form.firstIncompletePage(for: result.answers) == nil {
                return pages.redirect(to: place.draft(id) + "/verifier", context)
            }
            guard let next = form.page(after: page.id, answers: result.answers) else {
                return pages.redirect(to: place.draft(id) + "/verifier", context)
            }
            return pages.redirect(to: place.draft(id) + "/pages/\(next.id)", context)
        }
    }

    private func render(
        _ page: FormPage, of form: FormDefinition, draft: Dossier, context: RequestContext, place: FilingPlace, input: FormInput?,
        errors: ValidationErrors, status: HTTPStatus
    ) -> HTTPResponse {
        let visible = form.visiblePages(for: draft.answers)
        let index = visible.firstIndex { $0.id == page.id } ?? 0
        let answers = prefilled(draft.answers, for: page, account: context.account)
        let returnTo = context.request.queryValue("retour") == "verifier" || input.map({ $0.text("retour") == "verifier" }) == true
            ? "verifier" : nil
        let back = returnTo != nil || index == 0
            ? (index == 0 && returnTo == nil ? place.procedures ?? CataloguePaths.procedure(draft.procedureSlug) : place.draft(draft.id) + "/verifier")
            : place.draft(draft.id) + "/pages/\(visible[index - 1].id)"
        let view = PageView(
            layout: pages.layout(page.title, context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            procedureTitle: draft.procedureTitle,
            reference: draft.reference,
            title: page.title,
            intro: page.intro,
            action: place.draft(draft.id) + "/pages/\(page.id)",
            backPath: back,
            returnTo: returnTo,
            hasErrors: !errors.isEmpty,
            errors: errors.errors.map { ErrorLink(field: Self.anchor(for: $0.field, in: page), message: $0.message) },
            fields: page.visibleFields(for: input.map { mergedForConditions(answers, page: page, input: $0) } ?? answers).map { field in
                FieldView(field, answer: answers[field.id], input: input, error: errors[field.id], communes: catalogue.communes())
            },
            sendsFiles: page.fields.contains { $0.kind == .file },
            stepText: "Étape \(index + 1) sur \(visible.count)",
            draftExpiry: draft.draftExpiresAt.map { CalendarDay($0).french } ?? "",
            spacePath: place.spacePath,
            spaceName: place.spaceName,
            atCounter: place.atCounter
        )
        return pages.page("filing/page", view, context, status: status)
    }

    /// The answers with account details filled in where the form asks for them and no answer exists yet.
    private func prefilled(_ answers: FormAnswers, for page: FormPage, account: Account?) -> FormAnswers {
        guard let account else { return answers }
        var answers = answers
        for field in page.fields where answers[field.id] == nil {
            switch field.prefill {
            case .displayName: answers[field.id] = .text(account.displayName)
            case .email: answers[field.id] = .text(account.email)
            case .commune: answers[field.id] = account.communeInsee.map(FormAnswer.text)
            case .phone: answers[field.id] = account.phone.map(FormAnswer.text)
            case .address: answers[field.id] = account.address.map(FormAnswer.address)
            case nil: break
            }
        }
        return answers
    }

    /// After an error, conditions on the page follow what was just posted.
    private func mergedForConditions(_ answers: FormAnswers, page: FormPage, input: FormInput) -> FormAnswers {
        var merged = answers
        for field in page.fields {
            let posted = input.all(field.id)
            if !posted.isEmpty { merged[field.id] = field.kind == .multipleChoice ? .choices(posted) : .text(posted[0]) }
        }
        return merged
    }

    /// The id the error summary links to: the field's first input.
    static func anchor(for field: String, in page: FormPage) -> String {
        switch page.fields.first(where: { $0.id == field })?.kind {
        case .date: "\(field)-day"
        case .address: "\(field)-street"
        default: field
        }
    }

    // MARK: Check answers, ending, filing

    struct CheckView {
        let layout: LayoutContext
        let csrfToken: String
        let procedureTitle: String
        let rows: [AnswerRow]
        let action: String
        let incomplete: Bool
        let resumePath: String
        let atCounter: Bool
    }

    /// `GET /mon-espace/demandes/{id}/verifier`.
    func checkAnswers(_ context: RequestContext, id: Int64, place: FilingPlace = .residentSpace) throws -> HTTPResponse {
        try followingFiled(context) {
            let (draft, form) = try draftAndForm(context, id: id, place: place)
            if form.ending(for: draft.answers) != nil { return pages.redirect(to: place.draft(id) + "/fin", context) }
            let rows = AnswerRow.rows(draft.answers, of: form, catalogue: catalogue) { page in
                place.draft(id) + "/pages/\(page.id)?retour=verifier"
            }
            let view = CheckView(
                layout: pages.layout("Vérifiez vos réponses", context),
                csrfToken: context.csrfToken,
                procedureTitle: draft.procedureTitle,
                rows: rows,
                action: place.draft(id) + "/deposer",
                incomplete: form.firstIncompletePage(for: draft.answers) != nil,
                resumePath: place.draft(id),
                atCounter: place.atCounter
            )
            return pages.page("filing/check-answers", view, context)
        }
    }

    struct EndingView {
        let layout: LayoutContext
        let procedureTitle: String
        let title: String
        let body: String
        let changePath: String
        let spacePath: String
        let spaceName: String
        let atCounter: Bool
    }

    /// `GET /mon-espace/demandes/{id}/fin`: an answer means the request is not for this person.
    func ending(_ context: RequestContext, id: Int64, place: FilingPlace = .residentSpace) throws -> HTTPResponse {
        try followingFiled(context) {
            let (draft, form) = try draftAndForm(context, id: id, place: place)
            guard let ending = form.ending(for: draft.answers) else { return pages.redirect(to: place.draft(id), context) }
            let page = form.visiblePages(for: draft.answers).first { page in
                page.fields.contains { field in field.choices.contains { $0.ending == ending } }
            }
            let view = EndingView(
                layout: pages.layout(ending.title, context),
                procedureTitle: draft.procedureTitle,
                title: ending.title,
                body: ending.body,
                changePath: place.draft(id) + "/pages/\(page?.id ?? form.pages[0].id)",
                spacePath: place.spacePath,
                spaceName: place.spaceName,
                atCounter: place.atCounter
            )
            return pages.page("filing/ending", view, context)
        }
    }

    /// `POST /mon-espace/demandes/{id}/deposer`: files the dossier, then its acknowledgement.
    /// Posting again (double click, back and resubmit) shows the same dossier; `filed` is called
    /// when this request is the one that filed it.
    func submit(_ context: RequestContext, id: Int64, place: FilingPlace = .residentSpace,
                filed: (Dossier) throws -> Void = { _ in }) throws -> HTTPResponse {
        do {
            let wasDraft = try dossiers.residentsOwnDossier(id, context, now: now()).status == .draft
            let dossier = try dossiers.submit(id, actor: context.account, now: now())
            if wasDraft { try filed(dossier) }
            return pages.redirect(to: place.dossier(dossier.id) + "?depose=1", context)
        } catch DossierError.incomplete(let pageId) {
            return pages.redirect(to: place.draft(id) + "/pages/\(pageId)", context)
        } catch DossierError.endedByAnswer {
            return pages.redirect(to: place.draft(id) + "/fin", context)
        }
    }

    // MARK: Shared

    static func draftPath(_ id: Int64) -> String { FilingPlace.residentSpace.draft(id) }

    /// Runs a draft page's handler; a draft filed meanwhile sends the browser to its dossier.
    private func followingFiled(_ context: RequestContext, _ handler: () throws -> HTTPResponse) throws -> HTTPResponse {
        do {
            return try handler()
        } catch let filed as AlreadyFiled {
            return pages.redirect(to: filed.location, context)
        }
    }

    /// The resident's draft and its form; anything else is 404. A dossier already filed (the
    /// resident came back with the browser's back button) is shown instead of its old pages.
    private func draftAndForm(_ context: RequestContext, id: Int64, place: FilingPlace) throws -> (Dossier, FormDefinition) {
        let dossier = try dossiers.residentsOwnDossier(id, context, now: now())
        guard dossier.status == .draft else { throw AlreadyFiled(location: place.dossier(dossier.id)) }
        return (dossier, try dossiers.form(of: dossier))
    }

    private func validator() -> FormValidator {
        FormValidator(communeCodes: Set(catalogue.communes().map(\.insee)), today: CalendarDay(now()))
    }
}
