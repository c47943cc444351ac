import Foundation
import PortalCore
import PortalHTTP

/// `/admin/comptes`: the staff accounts, inviting a person, sending an invitation again, and
/// changing a person's name, role and organisation. Who may do it is decided in PortalCore
/// (``Accounts/invite(_:by:links:now:)``, ``Accounts/change(_:to:by:now:)``).
struct StaffController: Sendable {
    let accounts: Accounts
    let catalogue: Catalogue
    let pages: PageRenderer
    let links: any PortalLinks
    let now: @Sendable () -> Date

    /// The roles a person may be given, in the order offered; a manager is offered the first two.
    static let roles: [Role] = [.agent, .manager, .franceServices, .admin]

    /// `GET /admin/comptes`.
    func list(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try accounts.staff(actor: context.account, now: now())
        // The notice names the account by its id, never by text from the address bar.
        func named(_ key: String) -> StaffMember? {
            context.request.queryValue(key).flatMap(Int64.init).flatMap { id in staff.first { $0.account.id == id } }
        }
        let notice: String? = if let invited = named("invitation")?.account {
            "Invitation envoyée à \(invited.displayName) (\(invited.email)). Le lien qu'elle contient est valable 7 jours."
        } else if let member = named("desactive") {
            if case .revoked = member.status {
                "L'invitation de \(member.account.displayName) est révoquée : son lien ne fonctionne plus."
            } else {
                "Le compte de \(member.account.displayName) est désactivé : ses sessions sont fermées et il ne peut plus se connecter."
            }
        } else if let reactivated = named("reactive")?.account {
            "Le compte de \(reactivated.displayName) est réactivé : la personne se connecte avec son mot de passe habituel."
        } else if let changed = named("modifie")?.account {
            "Le compte de \(changed.displayName) est modifié ; la personne le voit dès sa prochaine page."
        } else {
            nil
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
        return render(context, .invitation, typed: Typed(text: [:], organisations: []), errors: [], status: .ok)
    }

    /// `POST /admin/comptes/invitation`: `name`, `email`, `role`, `organisation` (once per organisation ticked).
    func invite(_ context: RequestContext) throws -> HTTPResponse {
        let typed = try Self.typed(context, ["name", "email", "role"])
        guard !context.formIsStale else { return stale(context, .invitation, typed: typed) }
        let invitation = StaffInvitation(email: typed.text["email"] ?? "", name: typed.text["name"] ?? "", role: Self.role(typed),
                                         organisationIds: typed.organisations)
        do {
            let issued = try accounts.invite(invitation, by: context.account, links: links, now: now())
            return pages.redirect(to: AdminPaths.invited(issued.account.id), context)
        } catch let error as StaffAccountError {
            return refused(context, .invitation, typed: typed, error: error, field: "email")
        }
    }

    /// `POST /admin/comptes/{id}/relance`: a new link for an account still waiting for its password.
    func resend(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let issued = try accounts.resendInvitation(to: id, by: context.account, links: links, now: now())
        return pages.redirect(to: AdminPaths.invited(issued.account.id), context)
    }

    /// `GET /admin/comptes/{id}`: the person's name, role and organisation, to change.
    func edit(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let account = try accounts.staffMember(id, by: context.account, now: now()).account
        let typed = Typed(text: ["name": account.displayName, "role": account.role.rawValue], organisations: account.organisationIds)
        return render(context, .change(account), typed: typed, errors: [], status: .ok)
    }

    /// `POST /admin/comptes/{id}`: `name`, `role`, `organisation` (once per organisation ticked).
    func change(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let account = try accounts.staffMember(id, by: context.account, now: now()).account
        let typed = try Self.typed(context, ["name", "role"])
        guard !context.formIsStale else { return stale(context, .change(account), typed: typed) }
        let change = StaffChange(name: typed.text["name"] ?? "", role: Self.role(typed), organisationIds: typed.organisations)
        do {
            _ = try accounts.change(id, to: change, by: context.account, now: now())
            return pages.redirect(to: AdminPaths.changed(id), context)
        } catch let error as StaffAccountError {
            return refused(context, .change(account), typed: typed, error: error, field: "role")
        }
    }

    /// What the form holds, as typed: its text fields and the organisations ticked.
    private struct Typed {
        var text: [String: String]
        var organisations: [String]
    }

    private static func typed(_ context: RequestContext, _ names: [String]) throws -> Typed {
        let form = try context.postedForm()
        return Typed(text: Dictionary(uniqueKeysWithValues: names.map { ($0, form[$0] ?? "") }),
                     organisations: form.values("organisation").filter { !$0.isEmpty })
    }

    private static func role(_ typed: Typed) -> Role {
        Role(rawValue: typed.text["role"] ?? "").flatMap { roles.contains($0) ? $0 : nil } ?? .resident
    }

    private func stale(_ context: RequestContext, _ purpose: Purpose, typed: Typed) -> HTTPResponse {
        render(context, purpose, typed: typed, errors: [FieldErrorLink(field: "name", message: AccountController.staleFormMessage)],
               status: .forbidden)
    }

    /// The form again with the core's messages: field by field when invalid, else one under `field`.
    private func refused(_ context: RequestContext, _ purpose: Purpose, typed: Typed, error: StaffAccountError,
                         field: String) -> HTTPResponse {
        if case .invalid(let errors) = error {
            return render(context, purpose, typed: typed, errors: errors.links,
                          status: .unprocessableContent)
        }
        return render(context, purpose, typed: typed, errors: [FieldErrorLink(field: field, message: error.description)], status: .conflict)
    }

    private func member(_ member: StaffMember) -> Member {
        let account = member.account
        let status: String
        var resend = false, revoke = false, deactivate = false, reactivate = false
        switch member.status {
        case .active:
            status = "Actif"
            deactivate = true
        case .invited(let expiresAt):
            status = expiresAt.map { "Invitation en attente, valable jusqu'au \(CalendarDay($0).french)" } ?? "Invitation expirée"
            resend = true
            revoke = true
        case .deactivated(let since):
            status = "Désactivé depuis le \(CalendarDay(since).french)"
            reactivate = true
        case .revoked(let since):
            status = "Invitation révoquée le \(CalendarDay(since).french)"
            resend = true
        }
        return Member(
            name: account.displayName, email: account.email, editPath: AdminPaths.member(account.id), role: account.role.label,
            organisation: account.organisationIds.isEmpty
                ? "—" : FrenchList.joined(account.organisationIds.map { catalogue.organisation(id: $0)?.name ?? $0 }),
            status: status,
            lastLogIn: member.lastLogInAt.map(FrenchDateTime.text).map { "Dernière connexion \($0)" } ?? "Jamais connecté",
            resendPath: resend ? AdminPaths.resend(account.id) : nil,
            revocationPath: revoke ? AdminPaths.deactivation(account.id) : nil,
            deactivationPath: deactivate ? AdminPaths.deactivation(account.id) : nil,
            reactivationPath: reactivate ? AdminPaths.reactivation(account.id) : nil)
    }

    private func render(_ context: RequestContext, _ purpose: Purpose, typed: Typed, errors: [FieldErrorLink],
                        status: HTTPStatus) -> HTTPResponse {
        func error(_ id: String) -> String? { errors.first { $0.field == id }?.message }
        func field(_ id: String) -> FormField { FormField(id: id, value: typed.text[id] ?? "", error: error(id)) }
        let administers: (String) -> Bool = { id in context.account?.administers(id) ?? false }
        let offered = context.account?.role == .manager ? Role.processingDossiers : Self.roles
        let roles = Group(label: "", options: offered.map { role in
            Choice(value: role.rawValue, label: role.label, selected: typed.text["role"] == role.rawValue, id: "role-\(role.rawValue)")
        })
        let groups: [(String, [Organisation.Kind])] = [
            ("Mairies", [.mairie]), ("Communauté de communes", [.intercommunality, .intercommunalService]),
            ("Espaces France Services", [.franceServices]),
        ]
        let organisations = groups.map { label, kinds in
            Group(label: label, options: kinds.flatMap(catalogue.organisations(kind:)).filter { administers($0.id) }.map { organisation in
                Choice(value: organisation.id, label: organisation.name, selected: typed.organisations.contains(organisation.id),
                       id: "organisation-\(organisation.id)")
            })
        }.filter { !$0.options.isEmpty }
        let title: String, lead: String, action: String, button: String, email: FormField?
        switch purpose {
        case .invitation:
            title = "Inviter une personne"
            lead = "La personne reçoit par e-mail un lien, valable 7 jours et une seule fois, pour choisir son mot de passe. Personne d'autre ne le connaîtra."
            action = AdminPaths.invitation
            button = "Envoyer l'invitation"
            email = field("email")
        case .change(let account):
            title = "Modifier le compte de \(account.displayName)"
            lead = "\(account.email). Un changement de rôle ou d'organisation vaut dès la prochaine page de la personne ; les demandes qui lui sont attribuées le restent."
            action = AdminPaths.member(account.id)
            button = "Enregistrer"
            email = nil
        }
        let view = FormView(
            layout: pages.layout(title, context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken, hasErrors: !errors.isEmpty, errors: errors,
            title: title, lead: lead, button: button,
            name: field("name"), email: email,
            role: ChoiceField(id: "role", error: error("role"), groups: [roles]),
            organisation: ChoiceField(id: "organisation", error: error("organisation"), groups: organisations),
            action: action)
        return pages.page("admin/staff-form", view, context, status: status)
    }

    /// What the staff form is for.
    private enum Purpose {
        case invitation
        case change(Account)
    }
}
