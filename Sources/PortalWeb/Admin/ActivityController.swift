import Foundation
import PortalCore
import PortalHTTP

/// `/admin/activites`: each activity's text, registration window, dates and places, and opening or
/// closing its registrations; for administrators, and for managers their organisation's. Who may do
/// it is decided in PortalCore (``Registrations/update(activity:with:by:now:)``).
struct ActivityController: Sendable {
    let registrations: Registrations
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct ListView {
        let layout: LayoutContext
        let notice: String?
        let rows: [Row]
    }

    struct Row {
        let title: String
        let path: String
        let organisation: String
        let window: String
        let places: String
    }

    struct FormView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let heading: String
        let state: String
        let isOpen: Bool
        let title: FormField
        let period: FormField
        let description: FormField
        let opensOn: FormField
        let closesOn: FormField
        let startsOn: FormField
        let endsOn: FormField
        let capacity: FormField
        let billingNote: FormField
        let action: String
        let registrationsPath: String
        let cancelPath = AdminPaths.activities
    }

    /// `GET /admin/activites`.
    func list(_ context: RequestContext) throws -> HTTPResponse {
        let activities = try registrations.activitiesToEdit(actor: context.account)
        let today = CalendarDay(now())
        let saved = context.request.queryValue("enregistree").flatMap { id in activities.first { $0.id == id } }
        let rows = activities.map { activity in
            Row(title: activity.title, path: AdminPaths.activity(activity.id),
                organisation: catalogue.organisation(id: activity.organisationId)?.name ?? activity.organisationId,
                window: (activity.isOpen(on: today) ? "Ouvertes" : "Fermées") + " — du \(activity.opensOn.french) au \(activity.closesOn.french)",
                places: String(activity.capacity))
        }
        let view = ListView(layout: pages.layout("Activités", context),
                            notice: saved.map { "« \($0.title) » est enregistrée : les familles voient déjà ces réglages." }, rows: rows)
        return pages.page("admin/activities", view, context)
    }

    /// `GET /admin/activites/{id}`.
    func edit(_ context: RequestContext, id: String) throws -> HTTPResponse {
        let (activity, confirmed, waiting) = try registrations.activityToEdit(id, actor: context.account)
        return render(context, activity, confirmed: confirmed, waiting: waiting, form: ActivityForm(activity), errors: [], status: .ok)
    }

    /// `POST /admin/activites/{id}`.
    func save(_ context: RequestContext, id: String) throws -> HTTPResponse {
        let (activity, confirmed, waiting) = try registrations.activityToEdit(id, actor: context.account)
        let posted = try context.postedForm()
        var form = ActivityForm()
        form.title = posted["title"] ?? ""
        form.period = posted["period"] ?? ""
        form.description = posted["description"] ?? ""
        form.opensOn = posted["opensOn"] ?? ""
        form.closesOn = posted["closesOn"] ?? ""
        form.startsOn = posted["startsOn"] ?? ""
        form.endsOn = posted["endsOn"] ?? ""
        form.capacity = posted["capacity"] ?? ""
        form.billingNote = posted["billingNote"] ?? ""
        guard !context.formIsStale else {
            return render(context, activity, confirmed: confirmed, waiting: waiting, form: form,
                          errors: [FieldErrorLink(field: "title", message: AccountController.staleFormMessage)], status: .forbidden)
        }
        do {
            _ = try registrations.update(activity: id, with: form, by: context.account, now: now())
            return pages.redirect(to: AdminPaths.activitySaved(id), context)
        } catch let errors as ValidationErrors {
            return render(context, activity, confirmed: confirmed, waiting: waiting, form: form,
                          errors: errors.links, status: .unprocessableContent)
        }
    }

    /// `POST /admin/activites/{id}/inscriptions`: `ouvrir` is `1` to open registrations from today, `0` to close them.
    func registrationsWindow(_ context: RequestContext, id: String) throws -> HTTPResponse {
        let open = try context.postedForm()["ouvrir"] == "1"
        try registrations.setRegistrations(open: open, activity: id, by: context.account, now: now())
        return pages.redirect(to: AdminPaths.activitySaved(id), context)
    }

    private func render(_ context: RequestContext, _ activity: Activity, confirmed: Int, waiting: Int, form: ActivityForm,
                        errors: [FieldErrorLink], status: HTTPStatus) -> HTTPResponse {
        func field(_ id: String, _ value: String) -> FormField { FormField(id: id, value: value, error: errors.first { $0.field == id }?.message) }
        let isOpen = activity.isOpen(on: CalendarDay(now()))
        let view = FormView(
            layout: pages.layout("Modifier : \(activity.title)", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken, hasErrors: !errors.isEmpty, errors: errors, heading: activity.title,
            state: "Inscriptions \(isOpen ? "ouvertes" : "fermées") ; \(confirmed) inscription\(confirmed > 1 ? "s" : "") confirmée\(confirmed > 1 ? "s" : "") sur \(activity.capacity) places, \(waiting) en liste d'attente.",
            isOpen: isOpen,
            title: field("title", form.title), period: field("period", form.period), description: field("description", form.description),
            opensOn: field("opensOn", form.opensOn), closesOn: field("closesOn", form.closesOn),
            startsOn: field("startsOn", form.startsOn), endsOn: field("endsOn", form.endsOn),
            capacity: field("capacity", form.capacity), billingNote: field("billingNote", form.billingNote),
            action: AdminPaths.activity(activity.id), registrationsPath: AdminPaths.activityRegistrations(activity.id))
        return pages.page("admin/activity", view, context, status: status)
    }
}
