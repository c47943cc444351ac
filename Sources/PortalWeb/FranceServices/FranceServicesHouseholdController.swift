import Foundation
import PortalCore
import PortalHTTP

/// Under a mandate for the family, the adviser sees the resident's household and registers a
/// member to an activity open for registration; a refusal says why.
struct FranceServicesHouseholdController: Sendable {
    let desk: FranceServicesDesk
    let households: Households
    let registrations: Registrations

    struct MemberRow {
        let name: String
        let kind: String
        let details: String
    }

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct RegistrationRow {
        let memberName: String
        let activity: String
        let status: String
    }

    struct HouseholdView {
        let layout: LayoutContext
        let csrfToken: String
        let residentName: String
        let residentPath: String
        let notice: String?
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let members: [MemberRow]
        let registrations: [RegistrationRow]
        let hasRegistrations: Bool
        let memberOptions: [Option]
        let activityOptions: [Option]
        let hasActivities: Bool
        let memberError: String?
        let activityError: String?
        let action: String
    }

    /// `GET /guichet/habitants/{id}/foyer`.
    func show(_ context: RequestContext, resident id: Int64) throws -> HTTPResponse {
        let (resident, _) = try desk.acting(for: id, in: .family, context)
        let notice = context.request.queryValue("fait") == "inscription" ? "L'inscription est enregistrée : voyez son état ci-dessous." : nil
        return try render(context, resident: resident, member: "", activity: "", errors: [], notice: notice, status: .ok)
    }

    /// `POST /guichet/habitants/{id}/inscriptions`. Field names: `membre`, `activite`.
    func register(_ context: RequestContext, resident id: Int64) throws -> HTTPResponse {
        let (resident, mandate) = try desk.acting(for: id, in: .family, context)
        let form = try context.postedForm()
        let member = form["membre"] ?? "", activity = form["activite"] ?? ""
        guard !context.formIsStale else {
            return try render(context, resident: resident, member: member, activity: activity,
                              errors: [FieldErrorLink(field: "membre", message: AccountController.staleFormMessage)], notice: nil, status: .forbidden)
        }
        var errors: [FieldErrorLink] = []
        if Int64(member) == nil { errors.append(FieldErrorLink(field: "membre", message: "Choisissez la personne à inscrire.")) }
        if activity.isEmpty { errors.append(FieldErrorLink(field: "activite", message: "Choisissez l'activité.")) }
        guard errors.isEmpty, let memberId = Int64(member) else {
            return try render(context, resident: resident, member: member, activity: activity, errors: errors, notice: nil,
                              status: .unprocessableContent)
        }
        let registration: Registration
        do {
            registration = try registrations.register(activity, memberId: memberId, actor: resident, now: desk.now())
        } catch let refusal as RegistrationError {
            return try render(context, resident: resident, member: member, activity: activity,
                              errors: [FieldErrorLink(field: "activite", message: refusal.message)], notice: nil, status: .unprocessableContent)
        }
        let title = try registrations.activities().first { $0.id == activity }?.title ?? activity
        let outcome = registration.status == .waiting
            ? "sur liste d'attente\(registration.rank.map { ", rang \($0)" } ?? "")" : registration.status.label.lowercased()
        try desk.record("Inscription de \(registration.memberName) à « \(title) » : \(outcome)", for: id, under: mandate, context)
        return desk.pages.redirect(to: FranceServicesPaths.household(id) + "?fait=inscription", context)
    }

    private func render(_ context: RequestContext, resident: Account, member: String, activity: String, errors: [FieldErrorLink],
                        notice: String?, status: HTTPStatus) throws -> HTTPResponse {
        let today = CalendarDay(desk.now())
        let household = try households.household(of: resident, now: desk.now())
        let members = household.adults + household.children
        let open = try registrations.activities().filter { $0.isOpen(on: today) }
        let rows = try registrations.registrations(of: resident, now: desk.now()).map { registration, activity in
            RegistrationRow(memberName: registration.memberName, activity: "\(activity.title) – \(activity.period)",
                            status: registration.status == .waiting
                                ? "Sur liste d'attente\(registration.rank.map { ", rang \($0)" } ?? "")" : registration.status.label)
        }
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        let view = HouseholdView(
            layout: desk.pages.layout("Foyer de \(resident.displayName)", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            residentName: resident.displayName,
            residentPath: FranceServicesPaths.resident(resident.id),
            notice: notice,
            hasErrors: !errors.isEmpty,
            errors: errors,
            members: members.map { member in
                MemberRow(name: member.fullName, kind: member.kind == .adult ? "Adulte" : "Enfant",
                          details: [member.age(on: today).map { "\($0) ans" }, member.school].compactMap { $0 }.joined(separator: " – "))
            },
            registrations: rows,
            hasRegistrations: !rows.isEmpty,
            memberOptions: members.map { Option(value: String($0.id), label: $0.fullName, selected: String($0.id) == member) },
            activityOptions: open.map {
                Option(value: $0.id, label: "\($0.title) – \($0.period) (\($0.ageRangeText))", selected: $0.id == activity)
            },
            hasActivities: !open.isEmpty,
            memberError: error("membre"),
            activityError: error("activite"),
            action: FranceServicesPaths.registrations(resident.id))
        return desk.pages.page("guichet/household", view, context, status: status)
    }
}
