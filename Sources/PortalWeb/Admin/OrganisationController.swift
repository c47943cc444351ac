import Foundation
import PortalCore
import PortalHTTP

/// `/admin/organisations`: the mairies, the CCTOVAL's services, the France Services sites and the
/// outside bodies, and the page where an administrator keeps one's contacts and opening hours
/// current. Who may do it is decided in PortalCore (``Catalogue/update(organisation:with:by:now:)``).
struct OrganisationController: Sendable {
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// Blank exception rows offered under the existing ones, to add closures without JavaScript.
    static let blankExceptionRows = 2
    /// The most exception rows read from a posted form.
    static let maximumExceptionRows = 60

    /// `GET /admin/organisations`.
    func list(_ context: RequestContext) throws -> HTTPResponse {
        let organisations = try catalogue.organisationsToEdit(actor: context.account)
        let saved = context.request.queryValue("enregistree").flatMap { id in organisations.first { $0.id == id } }
        let groups = Self.groups.map { label, kinds in
            ListGroup(label: label, organisations: organisations.filter { kinds.contains($0.kind) }.map { organisation in
                ListRow(name: organisation.name, path: AdminPaths.organisation(organisation.id),
                        phone: organisation.phone ?? "—",
                        toVerify: organisation.demoContact || organisation.staffNote != nil)
            })
        }
        let view = ListView(
            layout: pages.layout("Organisations", context),
            notice: saved.map { "Les informations de \($0.name) sont enregistrées : les pages publiques les montrent déjà." },
            savedPublicPath: saved.flatMap(Self.publicPath),
            groups: groups.filter { !$0.organisations.isEmpty })
        return pages.page("admin/organisations", view, context)
    }

    /// `GET /admin/organisations/{id}`.
    func edit(_ context: RequestContext, id: String) throws -> HTTPResponse {
        let organisation = try catalogue.organisationToEdit(id, actor: context.account)
        return render(context, organisation, form: OrganisationForm(organisation, today: context.today), errors: [], status: .ok)
    }

    /// `POST /admin/organisations/{id}`.
    func save(_ context: RequestContext, id: String) throws -> HTTPResponse {
        let organisation = try catalogue.organisationToEdit(id, actor: context.account)
        let form = Self.form(try context.postedForm())
        guard !context.formIsStale else {
            return render(context, organisation, form: form,
                          errors: [FieldErrorLink(field: "name", message: AccountController.staleFormMessage)], status: .forbidden)
        }
        do {
            let saved = try catalogue.update(organisation: id, with: form, by: context.account, now: now())
            return pages.redirect(to: AdminPaths.organisationSaved(saved.id), context)
        } catch let errors as ValidationErrors {
            return render(context, organisation, form: form,
                          errors: errors.links,
                          status: .unprocessableContent)
        }
    }

    /// The form as posted, every value as typed.
    static func form(_ posted: PostedForm) -> OrganisationForm {
        var form = OrganisationForm()
        func text(_ name: String) -> String { posted[name] ?? "" }
        form.name = text("name")
        form.shortName = text("shortName")
        form.description = text("description")
        form.address = text("address")
        form.postalCode = text("postalCode")
        form.city = text("city")
        form.phone = text("phone")
        form.email = text("email")
        form.website = text("website")
        for weekday in Weekday.allCases { form.week[weekday] = text(OrganisationForm.field(weekday)) }
        form.notes = text("notes")
        form.exceptions = (0..<maximumExceptionRows).compactMap { index in
            func part(_ name: String) -> String? { posted[OrganisationForm.exceptionField(index, name)] }
            guard let date = part("date") else { return nil }
            let row = OrganisationForm.ExceptionRow(date: date, hours: part("hours") ?? "", note: part("note") ?? "",
                                                    removed: part("removed") != nil)
            return row.isBlank ? nil : row
        }
        form.demoContact = posted["demoContact"] != nil
        form.staffNote = text("staffNote")
        return form
    }

    /// The public page showing `organisation`, if it has one of its own.
    static func publicPath(_ organisation: Organisation) -> String? {
        organisation.kind == .mairie ? organisation.communeInsee.map(CataloguePaths.commune) : nil
    }

    static let groups: [(String, [Organisation.Kind])] = [
        ("Mairies", [.mairie]), ("Communauté de communes et ses services", [.intercommunality, .intercommunalService]),
        ("Espaces France Services", [.franceServices]), ("Organismes extérieurs", [.external]),
    ]

    private func render(_ context: RequestContext, _ organisation: Organisation, form: OrganisationForm,
                        errors: [FieldErrorLink], status: HTTPStatus) -> HTTPResponse {
        func error(_ id: String) -> String? { errors.first { $0.field == id }?.message }
        func field(_ id: String, _ value: String) -> FormField { FormField(id: id, value: value, error: error(id)) }
        let days = Weekday.allCases.map { weekday in
            let id = OrganisationForm.field(weekday)
            return DayField(id: id, label: weekday.label, value: form.week[weekday] ?? "", error: error(id))
        }
        let rows = form.exceptions + Array(repeating: OrganisationForm.ExceptionRow(), count: Self.blankExceptionRows)
        let exceptions = rows.enumerated().map { index, row in
            ExceptionRowView(
                legend: index < form.exceptions.count ? "Exception \(index + 1)" : "Nouvelle exception (exception \(index + 1))",
                date: field(OrganisationForm.exceptionField(index, "date"), row.date),
                hours: field(OrganisationForm.exceptionField(index, "hours"), row.hours),
                note: field(OrganisationForm.exceptionField(index, "note"), row.note),
                removedId: OrganisationForm.exceptionField(index, "removed"), removed: row.removed,
                canRemove: index < form.exceptions.count)
        }
        let view = FormView(
            layout: pages.layout("Modifier : \(organisation.name)", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken, hasErrors: !errors.isEmpty, errors: errors,
            title: organisation.name, kind: Self.kindLabel(organisation.kind), publicPath: Self.publicPath(organisation),
            name: field("name", form.name), shortName: field("shortName", form.shortName),
            description: field("description", form.description), address: field("address", form.address),
            postalCode: field("postalCode", form.postalCode), city: field("city", form.city),
            phone: field("phone", form.phone), email: field("email", form.email), website: field("website", form.website),
            days: days, notes: field("notes", form.notes), exceptions: exceptions,
            demoContact: form.demoContact, staffNote: field("staffNote", form.staffNote),
            action: AdminPaths.organisation(organisation.id))
        return pages.page("admin/organisation", view, context, status: status)
    }

    private static func kindLabel(_ kind: Organisation.Kind) -> String {
        switch kind {
        case .intercommunality: "Communauté de communes"
        case .intercommunalService: "Service de la Communauté de communes"
        case .mairie: "Mairie"
        case .franceServices: "Espace France Services"
        case .external: "Organisme extérieur"
        }
    }
}
