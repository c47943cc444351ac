import Foundation
import PortalCore
import PortalHTTP

/// `/admin/regies`: creating régies, and each régie's name, organisation, PayFiP contract and mode, numbering code, and
/// the agents who may bill in it. Who may do it is decided in PortalCore (``Invoices/update(regie:with:by:now:)``).
struct RegieController: Sendable {
    let invoices: Invoices
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct ListView {
        let layout: LayoutContext
        let notice: String?
        let rows: [Row]
        let newPath = AdminPaths.newRegie
    }

    struct Row {
        let name: String
        let path: String
        let organisation: String
        let payfip: String
        let code: String
    }

    struct FormView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let heading: String
        let name: FormField
        let organisations: [Choice]
        let organisationError: String?
        let payfipClientNumber: FormField
        let modes: [Choice]
        let modeError: String?
        let numberingCode: FormField
        let billers: [Choice]
        /// A new régie's billers are named once it exists.
        let isNew: Bool
        let hasAgents: Bool
        let action: String
        let submitLabel: String
        let cancelPath = AdminPaths.regies
    }

    /// `GET /admin/regies`.
    func list(_ context: RequestContext) throws -> HTTPResponse {
        let regies = try invoices.regiesToEdit(actor: context.account)
        let saved = context.request.queryValue("enregistree").flatMap { id in regies.first { $0.id == id } }
        let rows = regies.map { regie in
            Row(name: regie.name, path: AdminPaths.regie(regie.id),
                organisation: catalogue.organisation(id: regie.organisationId)?.name ?? regie.organisationId,
                payfip: "\(regie.payfipClientNumber) — \(Self.modeLabel(regie.payfipMode))", code: regie.numberingCode)
        }
        let view = ListView(layout: pages.layout("Régies", context),
                            notice: saved.map { "La régie « \($0.name) » est enregistrée." }, rows: rows)
        return pages.page("admin/regies", view, context)
    }

    /// `GET /admin/regies/{id}`.
    func edit(_ context: RequestContext, id: String) throws -> HTTPResponse {
        let (regie, billers, agents) = try invoices.regieToEdit(id, actor: context.account)
        return render(context, regie, agents: agents, form: RegieForm(regie, billers: billers), errors: [], status: .ok)
    }

    /// `GET /admin/regies/nouvelle`: in PayFiP's test mode until the contract is signed.
    func new(_ context: RequestContext) throws -> HTTPResponse {
        _ = try invoices.regiesToEdit(actor: context.account)
        var form = RegieForm()
        form.payfipMode = PayFiPMode.test.rawValue
        return render(context, nil, agents: [], form: form, errors: [], status: .ok)
    }

    /// `POST /admin/regies/nouvelle`.
    func create(_ context: RequestContext) throws -> HTTPResponse {
        _ = try invoices.regiesToEdit(actor: context.account)
        return try submit(context, nil, agents: []) { form in try invoices.create(regie: form, by: context.account, now: now()).id }
    }

    /// `POST /admin/regies/{id}`.
    func save(_ context: RequestContext, id: String) throws -> HTTPResponse {
        let (regie, _, agents) = try invoices.regieToEdit(id, actor: context.account)
        return try submit(context, regie, agents: agents) { form in try invoices.update(regie: id, with: form, by: context.account, now: now()).id }
    }

    /// Saves the posted form with `save` (which returns the régie's id) and goes back to the list, or
    /// shows the page again with every answer and the mistakes.
    private func submit(_ context: RequestContext, _ regie: Regie?, agents: [Account], _ save: (RegieForm) throws -> String) throws -> HTTPResponse {
        let form = try posted(context)
        guard !context.formIsStale else {
            return render(context, regie, agents: agents, form: form,
                          errors: [FieldErrorLink(field: "name", message: AccountController.staleFormMessage)], status: .forbidden)
        }
        do {
            return pages.redirect(to: AdminPaths.regieSaved(try save(form)), context)
        } catch let errors as ValidationErrors {
            return render(context, regie, agents: agents, form: form, errors: errors.links, status: .unprocessableContent)
        }
    }

    private func posted(_ context: RequestContext) throws -> RegieForm {
        let posted = try context.postedForm()
        var form = RegieForm()
        form.name = posted["name"] ?? ""
        form.organisation = posted["organisation"] ?? ""
        form.payfipClientNumber = posted["payfipClientNumber"] ?? ""
        form.payfipMode = posted["payfipMode"] ?? ""
        form.numberingCode = posted["numberingCode"] ?? ""
        form.billers = posted.values("billers")
        return form
    }

    private func render(_ context: RequestContext, _ regie: Regie?, agents: [Account], form: RegieForm, errors: [FieldErrorLink],
                        status: HTTPStatus) -> HTTPResponse {
        func error(_ id: String) -> String? { errors.first { $0.field == id }?.message }
        func field(_ id: String, _ value: String) -> FormField { FormField(id: id, value: value, error: error(id)) }
        let organisations = [Choice(value: "", label: "Choisissez", selected: form.organisation.isEmpty, id: "")]
            + (catalogue.organisations(kind: .intercommunality) + catalogue.organisations(kind: .intercommunalService)
               + catalogue.organisations(kind: .mairie)).map { Choice(value: $0.id, label: $0.name, selected: $0.id == form.organisation, id: "") }
        let view = FormView(
            layout: pages.layout(regie.map { "Modifier : \($0.name)" } ?? "Nouvelle régie", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken, hasErrors: !errors.isEmpty, errors: errors, heading: regie?.name ?? "Nouvelle régie",
            name: field("name", form.name), organisations: organisations, organisationError: error("organisation"),
            payfipClientNumber: field("payfipClientNumber", form.payfipClientNumber),
            modes: PayFiPMode.allCases.map { mode in
                Choice(value: mode.rawValue, label: Self.modeLabel(mode), selected: form.payfipMode == mode.rawValue, id: "mode-\(mode.rawValue)")
            },
            modeError: error("payfipMode"), numberingCode: field("numberingCode", form.numberingCode),
            billers: agents.map { Choice(value: String($0.id), label: $0.displayName, selected: form.billers.contains(String($0.id)),
                                         id: "biller-\($0.id)") },
            isNew: regie == nil,
            hasAgents: !agents.isEmpty, action: regie.map { AdminPaths.regie($0.id) } ?? AdminPaths.newRegie,
            submitLabel: regie == nil ? "Créer la régie" : "Enregistrer")
        return pages.page("admin/regie", view, context, status: status)
    }

    static func modeLabel(_ mode: PayFiPMode) -> String {
        switch mode {
        case .test: "Test (aucun argent ne circule)"
        case .activation: "Activation (premiers paiements réels)"
        case .production: "Production"
        }
    }
}
