import Foundation
import PortalCore
import PortalHTTP

/// Registrations for the agents of the organisation running the activities: the activities with
/// how full they are, one activity's list (printable as an attendance list, exported as CSV), and
/// refusing a registration with a reason. An activity of another organisation answers 404.
struct AgentRegistrationController: Sendable {
    let registrations: Registrations
    let spaces: Spaces
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct ActivityRow {
        let title: String
        let period: String
        let registrationDates: String
        let confirmed: String
        let waiting: Int
        let path: String
    }

    struct ActivitiesView {
        let layout: LayoutContext
        let organisationName: String
        let rows: [ActivityRow]
        let hasRows: Bool
    }

    /// `GET /agent/inscriptions`.
    func list(_ context: RequestContext) throws -> HTTPResponse {
        let overview = try spaces.overview(of: .agent, actor: context.account)
        let rows = try registrations.occupancy(of: context.account).map { occupancy in
            let activity = occupancy.activity
            return ActivityRow(title: activity.title, period: activity.period,
                               registrationDates: RegistrationWording.registrationDates(activity),
                               confirmed: "\(occupancy.confirmed) / \(activity.capacity)", waiting: occupancy.waiting,
                               path: RegistrationPaths.activity(activity.id))
        }
        let view = ActivitiesView(layout: pages.layout("Inscriptions", context), organisationName: overview.organisationName ?? "",
                                  rows: rows, hasRows: !rows.isEmpty)
        return pages.page("agent-registrations/activities", view, context)
    }

    /// `GET /agent/inscriptions/{activity}`, with `?refusee=` after a refusal.
    func activity(_ context: RequestContext, activityId: String) throws -> HTTPResponse {
        try render(context, activityId: activityId, attempt: nil, status: .ok)
    }

    /// `POST /agent/inscriptions/{activity}/refus/{id}`: `motif`.
    func refuse(_ context: RequestContext, activityId: String, registrationId: Int64) throws -> HTTPResponse {
        let form = try context.postedForm()
        let reason = form["motif"] ?? ""
        do {
            let refused = try registrations.refuse(registrationId, reason: reason, actor: context.account, now: now())
            return pages.redirect(to: RegistrationPaths.activity(refused.activityId) + "?refusee=\(refused.id)", context)
        } catch RegistrationError.reasonRequired {
            let attempt = AgentActivityView.RefusalAttempt(
                registrationId: registrationId, reason: reason, error: "Indiquez le motif du refus : la famille le lira dans son espace.")
            return try render(context, activityId: activityId, attempt: attempt, status: .unprocessableContent)
        } catch let problem as TypedText.Problem {
            let attempt = AgentActivityView.RefusalAttempt(registrationId: registrationId, reason: reason, error: problem.message)
            return try render(context, activityId: activityId, attempt: attempt, status: .unprocessableContent)
        } catch RegistrationError.notFound {
            throw PageNotFound()
        } catch let error as RegistrationError {
            let attempt = AgentActivityView.RefusalAttempt(registrationId: registrationId, reason: reason, error: error.message)
            return try render(context, activityId: activityId, attempt: attempt, status: .conflict)
        }
    }

    /// `GET /agent/inscriptions/{activity}/export.csv`: every registration, in the page's order.
    func export(_ context: RequestContext, activityId: String) throws -> HTTPResponse {
        let (activity, entries) = try roster(activityId, context)
        let today = CalendarDay(now())
        let rows = entries.map { entry in
            let registration = entry.registration
            return [
                registration.status.label, registration.rank.map(String.init) ?? "", registration.memberName,
                entry.member.birthDate.map(SpreadsheetCSV.date) ?? "", entry.member.age(on: today).map(String.init) ?? "",
                entry.member.school ?? "", entry.adultName, entry.adultEmail, SpreadsheetCSV.date(CalendarDay(registration.createdAt)),
                registration.decidedAt.map { SpreadsheetCSV.date(CalendarDay($0)) } ?? "", registration.refusalReason ?? "",
            ]
        }
        return SpreadsheetCSV.download("inscriptions-\(activity.id)-\(today.iso).csv", header: [
            "Statut", "Rang d'attente", "Enfant", "Date de naissance", "Âge", "École", "Responsable", "E-mail du responsable", "Demandée le",
            "Décidée le", "Motif du refus",
        ], rows: rows)
    }

    private func render(_ context: RequestContext, activityId: String, attempt: AgentActivityView.RefusalAttempt?,
                        status: HTTPStatus) throws -> HTTPResponse {
        let (activity, entries) = try roster(activityId, context)
        let refused = context.request.queryValue("refusee").flatMap(Int64.init).flatMap { id in
            entries.first { $0.registration.id == id && $0.registration.status == .refused }
        }
        let notice = attempt == nil ? refused.map { "L'inscription de \($0.registration.memberName) est refusée. La famille est prévenue par e-mail, avec le motif." } : nil
        let view = AgentActivityView(activity: activity, entries: entries, today: CalendarDay(now()),
                                     layout: pages.layout(activity.title, context, hasErrors: attempt != nil), csrfToken: context.csrfToken,
                                     notice: notice, attempt: attempt)
        return pages.page("agent-registrations/activity", view, context, status: status)
    }

    private func roster(_ activityId: String, _ context: RequestContext) throws -> (Activity, [RosterEntry]) {
        return try registrations.roster(of: activityId, actor: context.account)
    }
}
