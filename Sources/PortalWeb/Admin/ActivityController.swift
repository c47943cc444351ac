import Foundation
import PortalCore
import PortalHTTP

/// `/admin/activites`: creating activities, and each activity's text, organiser and régie, who may
/// register (communes, ages, documents), registration window, dates, places and tariff, and opening
/// or closing its registrations; for administrators, and for managers their organisation's. Who
/// may do it is decided in PortalCore (``Registrations/update(activity:with:by:now:)``).
struct ActivityController: Sendable {
    let registrations: Registrations
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// `GET /admin/activites`.
    func list(_ context: RequestContext) throws -> HTTPResponse {
        let activities = try registrations.activitiesToEdit(actor: context.account)
        let today = CalendarDay(now())
        let saved = context.request.queryValue("enregistree").flatMap { id in activities.first { $0.id == id } }
        let rows = activities.map { activity in
            ListRow(title: activity.title, path: AdminPaths.activity(activity.id),
                    organisation: catalogue.organisation(id: activity.organisationId)?.name ?? activity.organisationId,
                    window: (activity.isOpen(on: today) ? "Ouvertes" : "Fermées") + " — du \(activity.opensOn.french) au \(activity.closesOn.french)",
                    places: String(activity.capacity))
        }
        let view = ListView(layout: pages.layout("Activités", context),
                            notice: saved.map { "« \($0.title) » est enregistrée : les familles voient déjà ces réglages." }, rows: rows,
                            newPath: AdminPaths.newActivity)
        return pages.page("admin/activities", view, context)
    }

    /// `GET /admin/activites/nouvelle`: an empty form, the organisation preset when there is one choice.
    func new(_ context: RequestContext) throws -> HTTPResponse {
        let options = try registrations.activityOptions(actor: context.account)
        var form = ActivityForm()
        if options.organisations.count == 1 { form.organisation = options.organisations[0].id }
        return render(context, nil, form: form, options: options, errors: [], status: .ok)
    }

    /// `POST /admin/activites/nouvelle`.
    func create(_ context: RequestContext) throws -> HTTPResponse {
        try submit(context, nil, options: try registrations.activityOptions(actor: context.account)) { form in
            try registrations.create(activity: form, by: context.account, now: now()).id
        }
    }

    /// `GET /admin/activites/{id}`.
    func edit(_ context: RequestContext, id: String) throws -> HTTPResponse {
        let state = try registrations.activityToEdit(id, actor: context.account)
        let options = try registrations.activityOptions(actor: context.account, for: state.activity)
        return render(context, state, form: ActivityForm(state.activity), options: options, errors: [], status: .ok)
    }

    /// `POST /admin/activites/{id}`.
    func save(_ context: RequestContext, id: String) throws -> HTTPResponse {
        let state = try registrations.activityToEdit(id, actor: context.account)
        return try submit(context, state, options: try registrations.activityOptions(actor: context.account, for: state.activity)) { form in
            try registrations.update(activity: id, with: form, by: context.account, now: now()).id
        }
    }

    /// `POST /admin/activites/{id}/inscriptions`: `ouvrir` is `1` to open registrations from today, `0` to close them.
    func registrationsWindow(_ context: RequestContext, id: String) throws -> HTTPResponse {
        let open = try context.postedForm()["ouvrir"] == "1"
        try registrations.setRegistrations(open: open, activity: id, by: context.account, now: now())
        return pages.redirect(to: AdminPaths.activitySaved(id), context)
    }

    /// Saves the posted form with `save` (which returns the activity's id) and goes back to the list,
    /// or shows the page again with every answer and the mistakes.
    private func submit(_ context: RequestContext, _ state: (activity: Activity, confirmed: Int, waiting: Int)?,
                        options: ActivityForm.Options, _ save: (ActivityForm) throws -> String) throws -> HTTPResponse {
        let form = try posted(context)
        guard !context.formIsStale else {
            return render(context, state, form: form, options: options,
                          errors: [FieldErrorLink(field: "title", message: AccountController.staleFormMessage)], status: .forbidden)
        }
        do {
            return pages.redirect(to: AdminPaths.activitySaved(try save(form)), context)
        } catch let errors as ValidationErrors {
            return render(context, state, form: form, options: options, errors: errors.links, status: .unprocessableContent)
        }
    }

    private func posted(_ context: RequestContext) throws -> ActivityForm {
        let posted = try context.postedForm()
        var form = ActivityForm()
        form.title = posted["title"] ?? ""
        form.period = posted["period"] ?? ""
        form.description = posted["description"] ?? ""
        form.organisation = posted["organisation"] ?? ""
        form.regie = posted["regie"] ?? ""
        form.minAge = posted["minAge"] ?? ""
        form.minAgeUnit = posted["minAgeUnit"] ?? ""
        form.maxAge = posted["maxAge"] ?? ""
        form.maxAgeUnit = posted["maxAgeUnit"] ?? ""
        form.someCommunes = posted["communes"] == "liste"
        form.communes = posted.values("commune")
        form.requiredDocuments = posted.values("document")
        form.opensOn = posted["opensOn"] ?? ""
        form.closesOn = posted["closesOn"] ?? ""
        form.startsOn = posted["startsOn"] ?? ""
        form.endsOn = posted["endsOn"] ?? ""
        form.capacity = posted["capacity"] ?? ""
        form.tariffLabel = posted["tariffLabel"] ?? ""
        // The page shows six rows, more when a tariff already has more bands.
        form.bands = []
        while form.bands.count < ActivityForm.bandRows || posted[ActivityForm.bandField(form.bands.count, "prix")] != nil {
            let index = form.bands.count
            form.bands.append(ActivityForm.Band(ceiling: posted[ActivityForm.bandField(index, "plafond")] ?? "",
                                                price: posted[ActivityForm.bandField(index, "prix")] ?? ""))
        }
        form.billingNote = posted["billingNote"] ?? ""
        return form
    }

    private func render(_ context: RequestContext, _ state: (activity: Activity, confirmed: Int, waiting: Int)?, form: ActivityForm,
                        options: ActivityForm.Options, errors: [FieldErrorLink], status: HTTPStatus) -> HTTPResponse {
        let title = state.map { "Modifier : \($0.activity.title)" } ?? "Nouvelle activité"
        let view = FormView(form, state: state, options: options, errors: errors, today: CalendarDay(now()),
                            layout: pages.layout(title, context, hasErrors: !errors.isEmpty), csrfToken: context.csrfToken)
        return pages.page("admin/activity", view, context, status: status)
    }
}
