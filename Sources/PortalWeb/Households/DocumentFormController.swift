import Foundation
import PortalCore
import PortalHTTP

/// The household's documents: adding one (type, file, date, and the family quotient or the child
/// when the type needs them; every field is shown, so the form works without JavaScript, and the
/// core says which apply), and downloading one, for the household's adults only.
struct DocumentFormController: Sendable {
    let households: Households
    let spaces: Spaces
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// The form's fields in page order, which the error summary follows.
    static let fieldOrder = ["type", "enfant", "date-day", "quotient", "document"]

    struct KindChoice {
        /// The first radio's id is the field's, so the error summary's link lands on it.
        let inputId: String
        let value: String
        let label: String
        let rule: String
        let checked: Bool
    }

    struct ChildOption {
        let id: Int64
        let name: String
        let selected: Bool
    }

    struct DocumentFormView {
        let layout: LayoutContext
        let action = HouseholdPaths.newDocument
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let kinds: [KindChoice]
        let kindError: String?
        let children: [ChildOption]
        let hasChildren: Bool
        let childError: String?
        /// The hint (without children) and the error, when present.
        let childDescribedBy: String?
        let date: DateFieldView
        let quotient: FormField
        let fileError: String?
        /// The file is not kept when the form has a mistake elsewhere: it must be chosen again.
        let chooseFileAgain: Bool
    }

    /// `GET /mon-espace/foyer/documents/nouveau`, with `?type=` chosen in advance.
    func show(_ context: RequestContext) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        let form = Households.DocumentForm(kind: context.request.queryValue("type") ?? "", upload: nil, day: "", month: "", year: "")
        return try render(context, actor: actor, form: form, errors: [], status: .ok)
    }

    /// `POST /mon-espace/foyer/documents/nouveau` (multipart): `type`, `document`, `date-day`,
    /// `date-month`, `date-year`, `quotient`, `enfant`.
    func add(_ context: RequestContext) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        let posted = try context.postedForm()
        let upload = posted.files.first { $0.name == "document" }.map { Dossiers.Upload(filename: $0.filename, bytes: $0.data) }
        let form = Households.DocumentForm(
            kind: posted["type"] ?? "", upload: upload, day: posted["date-day"] ?? "", month: posted["date-month"] ?? "",
            year: posted["date-year"] ?? "", familyQuotient: posted["quotient"] ?? "", memberId: posted["enfant"].flatMap(Int64.init))
        guard !context.formIsStale else {
            return try render(context, actor: actor, form: form, errors: [FieldErrorLink(field: "type", message: AccountController.staleFormMessage)],
                              status: .forbidden)
        }
        do {
            let document = try households.addDocument(form, actor: actor, now: now())
            return pages.redirect(to: HouseholdPaths.household + "?document=\(document.id)#documents", context)
        } catch HouseholdError.invalid(let errors) {
            let links = errors.errors.map { FieldErrorLink(field: DateFieldView.anchor($0.field, dates: ["date"]), message: $0.message) }
                .sorted { (Self.fieldOrder.firstIndex(of: $0.field) ?? 0) < (Self.fieldOrder.firstIndex(of: $1.field) ?? 0) }
            return try render(context, actor: actor, form: form, errors: links, status: .unprocessableContent)
        }
    }

    /// `GET /mon-espace/foyer/documents/{id}`: the file, as an attachment.
    func download(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let (file, bytes) = try households.document(id, actor: context.account)
        var headers = HTTPHeaders()
        headers["Content-Type"] = file.kind.contentType
        headers["Content-Disposition"] = ContentDisposition.attachment(filename: file.originalName)
        headers["Cache-Control"] = "private, no-store"
        return HTTPResponse(status: .ok, headers: headers, body: Array(bytes))
    }

    private func render(_ context: RequestContext, actor: Account, form: Households.DocumentForm, errors: [FieldErrorLink],
                        status: HTTPStatus) throws -> HTTPResponse {
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        let household = try households.household(of: actor, now: now())
        let childDescription = [household.children.isEmpty ? "enfant-hint" : nil, error("enfant").map { _ in "enfant-error" }].compactMap { $0 }
        let view = DocumentFormView(
            layout: pages.layout("Ajouter un document", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            hasErrors: !errors.isEmpty,
            errors: errors,
            kinds: SupportingDocument.Kind.allCases.enumerated().map { index, kind in
                KindChoice(inputId: index == 0 ? "type" : "type-\(index + 1)", value: kind.rawValue, label: kind.label,
                           rule: HouseholdWording.validityRule(of: kind), checked: form.kind == kind.rawValue)
            },
            kindError: error("type"),
            children: household.children.map { ChildOption(id: $0.id, name: $0.fullName, selected: $0.id == form.memberId) },
            hasChildren: !household.children.isEmpty,
            childError: error("enfant"),
            childDescribedBy: childDescription.isEmpty ? nil : childDescription.joined(separator: " "),
            date: DateFieldView(id: "date", legend: "Date du document",
                                hint: "La date d'édition ou de mise à jour écrite sur le document. Par exemple : 2 9 2026",
                                day: form.day, month: form.month, year: form.year, error: error("date-day")),
            quotient: FormField(id: "quotient", value: form.familyQuotient, error: error("quotient")),
            fileError: error("document"),
            chooseFileAgain: !errors.isEmpty && error("document") == nil)
        return pages.page("household/document", view, context, status: status)
    }
}
