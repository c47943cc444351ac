import Foundation
import PortalCore
import PortalHTTP

/// `/admin/comptes`: the staff accounts, inviting a person and sending an invitation again.
/// Who may do it is decided in PortalCore (``Accounts/invite(_:by:links:now:)``).
struct StaffController: Sendable {
    let accounts: Accounts
    let catalogue: Catalogue
    let pages: PageRenderer
    let links: any PortalLinks
    let now: @Sendable () -> Date

    /// The roles a person may be invited with, in the order offered.
    static let roles: [Role] = [.agent, .franceServices, .admin]

    /// `GET /admin/comptes`.
    func list(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try accounts.staff(actor: context.account, now: now())
        // The notice names the account by its id, never by text from the address bar.
        func named(_ key: String) -> Account? {
            context.request.queryValue(key).flatMap(Int64.init).flatMap { id in staff.first { $0.account.id == id }?.account }
        }
        let notice = if let invited = named("invitation") {
            "Invitation envoyée à \(invited.displayName) (\(invited.email)). Le lien qu'elle contient est valable 7 jours."
        } else if let deactivated = named("desactive") {
            "Le compte de \(deactivated.displayName) est désactivé : ses sessions sont fermées et il ne peut plus se connecter."
        } else if let reactivated = named("reactive") {
            "Le compte de \(reactivated.displayName) est réactivé : la personne se connecte avec son mot de passe habituel."
        } else {
            String?.none
        }
        let view = ListView(
            layout: pages.layout("Comptes de l'équipe", context),
            notice: notice,
            members: staff.map(member), csrfToken: context.csrfToken)
        return pages.page("admin/staff", view, context)
    }

    /// `GET /admin/comptes/invitation`.
    func invitationForm(_ context: RequestContext) throws -> HTTPResponse {
        _ = try accounts.staff(actor: context.account, now: now())
        return render(context, typed: [:], errors: [], status: .ok)
    }

    /// `POST /admin/comptes/invitation`: `name`, `email`, `role`, `organisation`.
    func invite(_ context: RequestContext) throws -> HTTPResponse {
        let form = try context.postedForm()
        let typed = Dictionary(uniqueKeysWithValues: ["name", "email", "role", "organisation"].map { ($0, form[$0] ?? "") })
        guard !context.formIsStale else {
            return render(context, typed: typed, errors: [FieldErrorLink(field: "name", message: AccountController.staleFormMessage)],
                          status: .forbidden)
        }
        let role = Role(rawValue: typed["role"] ?? "").flatMap { Self.roles.contains($0) ? $0 : nil } ?? .resident
        let invitation = StaffInvitation(email: typed["email"] ?? "", name: typed["name"] ?? "", role: role,
                                         organisationId: typed["organisation"].flatMap { $0.isEmpty ? nil : $0 })
        do {
            let issued = try accounts.invite(invitation, by: context.account, links: links, now: now())
            return pages.redirect(to: AdminPaths.invited(issued.account.id), context)
        } catch StaffAccountError.invalid(let errors) {
            return render(context, typed: typed, errors: errors.errors.map { FieldErrorLink(field: $0.field, message: $0.message) },
                          status: .unprocessableContent)
        } catch let error as StaffAccountError {
            return render(context, typed: typed, errors: [FieldErrorLink(field: "email", message: error.description)], status: .conflict)
        }
    }

    /// `POST /admin/comptes/{id}/relance`: a new link for an account still waiting for its password.
    func resend(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let issued = try accounts.resendInvitation(to: id, by: context.account, links: links, now: now())
        return pages.redirect(to: AdminPaths.invited(issued.account.id), context)
    }

    private func member(_ member: StaffMember) -> Member {
        let account = member.account
        let status: String
        switch member.status {
        case .active: status = "Actif"
        case .invited(let expiresAt?): status = "Invitation en attente, valable jusqu'au \(CalendarDay(expiresAt).french)"
        case .invited(nil): status = "Invitation expirée"
        case .deactivated(let since): status = "Désactivé depuis le \(CalendarDay(since).french)"
        }
        let invited = if case .invited = member.status { true } else { false }
        let deactivated = if case .deactivated = member.status { true } else { false }
        return Member(
            name: account.displayName, email: account.email, role: account.role.label,
            organisation: account.organisationId.flatMap { catalogue.organisation(id: $0)?.name } ?? "—",
            status: status,
            lastLogIn: member.lastLogInAt.map(FrenchDateTime.text).map { "Dernière connexion \($0)" } ?? "Jamais connecté",
            resendPath: invited ? AdminPaths.resend(account.id) : nil,
            deactivationPath: deactivated ? nil : AdminPaths.deactivation(account.id),
            reactivationPath: deactivated ? AdminPaths.reactivation(account.id) : nil)
    }

    private func render(_ context: RequestContext, typed: [String: String], errors: [FieldErrorLink], status: HTTPStatus) -> HTTPResponse {
        func error(_ id: String) -> String? { errors.first { $0.field == id }?.message }
        func field(_ id: String) -> FormField { FormField(id: id, value: typed[id] ?? "", error: error(id)) }
        let roles = Group(label: "", options: Self.roles.map { role in
            Option(value: role.rawValue, label: role.label, selected: typed["role"] == role.rawValue, id: "role-\(role.rawValue)")
        })
        let chosen = typed["organisation"]
        let groups: [(String, [Organisation.Kind])] = [
            ("Mairies", [.mairie]), ("Communauté de communes", [.intercommunality, .intercommunalService]),
            ("Espaces France Services", [.franceServices]),
        ]
        let organisations = groups.map { label, kinds in
            Group(label: label, options: kinds.flatMap(catalogue.organisations(kind:)).map { organisation in
                Option(value: organisation.id, label: organisation.name, selected: chosen == organisation.id, id: organisation.id)
            })
        }
        let view = FormView(
            layout: pages.layout("Inviter une personne", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken, hasErrors: !errors.isEmpty, errors: errors,
            name: field("name"), email: field("email"),
            role: ChoiceField(id: "role", error: error("role"), groups: [roles]),
            organisation: ChoiceField(id: "organisation", error: error("organisation"), groups: organisations))
        return pages.page("admin/invitation", view, context, status: status)
    }
}
