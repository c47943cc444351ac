import Foundation
import PortalCore
import PortalHTTP

/// Sign-up, log-in and log-out.
///
/// Forms follow the GOV.UK pattern: server-side validation, an error summary linking to
/// the fields, answers kept on error (never the password). A form whose anti-forgery token
/// is missing or stale is shown again with the answers kept and status 403, so nothing typed
/// is lost.
struct AccountController: Sendable {
    let accounts: Accounts
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    static let staleFormMessage = "Ce formulaire a expiré. Vérifiez vos réponses puis envoyez-le à nouveau."

    // MARK: Sign-up

    struct SignUpFields {
        let displayName: FormField
        let email: FormField
        let password: FormField
        let commune: CommuneField
    }

    struct CommuneField {
        let id: String
        let error: String?
        let options: [CommuneChoice.Option]
    }

    struct SignUpView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let fields: SignUpFields
        let passwordHint = PasswordPolicy.hint
    }

    func signUpForm(_ context: RequestContext) -> HTTPResponse {
        if let account = context.account {
            return pages.redirect(to: account.role.home.path, context)
        }
        return renderSignUp(context, form: nil, errors: [], status: .ok)
    }

    func signUp(_ context: RequestContext) throws -> HTTPResponse {
        let form = try context.postedForm()
        guard !context.formIsStale else {
            return renderSignUp(context, form: form, errors: [FieldErrorLink(field: "displayName", message: Self.staleFormMessage)], status: .forbidden)
        }
        let request = SignUpForm(
            email: form["email"] ?? "",
            password: form["password"] ?? "",
            displayName: form["displayName"] ?? "",
            communeInsee: form["commune"] ?? ""
        )
        let account: Account
        do {
            account = try accounts.signUp(request, now: now())
        } catch .invalid(let errors) {
            let links = errors.links
            return renderSignUp(context, form: form, errors: links, status: .unprocessableContent)
        } catch .storage(let error) {
            throw error
        }
        // The new account is logged in at once.
        let token = try accounts.openSession(for: account, now: now())
        return pages.redirect(to: account.role.home.path + "?bienvenue=1", context, extraCookies: [sessionCookie(token)])
    }

    private func renderSignUp(_ context: RequestContext, form: PostedForm?, errors: [FieldErrorLink], status: HTTPStatus) -> HTTPResponse {
        func field(_ id: String) -> FormField {
            FormField(id: id, value: id == "password" ? "" : (form?[id] ?? ""), error: errors.first { $0.field == id }?.message)
        }
        let view = SignUpView(
            layout: pages.layout("Créer votre compte", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            hasErrors: !errors.isEmpty,
            errors: errors,
            fields: SignUpFields(
                displayName: field("displayName"),
                email: field("email"),
                password: field("password"),
                commune: CommuneField(
                    id: "commune",
                    error: errors.first { $0.field == "commune" }?.message,
                    options: CommuneChoice(action: "", communes: catalogue.communes(), selected: form?["commune"] ?? context.communeInsee).options
                )
            )
        )
        return pages.page("accounts/sign-up", view, context, status: status)
    }

    // MARK: Log-in

    struct LogInFields {
        let email: FormField
        let password: FormField
    }

    struct LogInView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let notice: String?
        /// Where to go once logged in (the `retour` field).
        let returnTo: String?
        let fields: LogInFields
    }

    func logInForm(_ context: RequestContext) -> HTTPResponse {
        let returnTo = context.request.queryValue("retour").flatMap { LocalRedirect.isLocalPath($0) ? $0 : nil }
        if let account = context.account {
            return pages.redirect(to: returnTo ?? account.role.home.path, context)
        }
        let notice: String? = switch (context.request.queryValue("deconnecte"), context.request.queryValue("active")) {
        case ("1", _): "Vous êtes déconnecté(e). À bientôt !"
        case (_, "1"): "Votre mot de passe est enregistré. Connectez-vous avec votre adresse e-mail et ce mot de passe."
        default: nil
        }
        return renderLogIn(context, email: "", returnTo: returnTo, notice: notice, errors: [], status: .ok)
    }

    func logIn(_ context: RequestContext) throws -> HTTPResponse {
        let form = try context.postedForm()
        let email = form["email"] ?? ""
        let returnTo = form["retour"].flatMap { LocalRedirect.isLocalPath($0) ? $0 : nil }
        guard !context.formIsStale else {
            return renderLogIn(context, email: email, returnTo: returnTo, notice: nil, errors: [FieldErrorLink(field: "email", message: Self.staleFormMessage)], status: .forbidden)
        }
        var errors: [FieldErrorLink] = []
        if email.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldErrorLink(field: "email", message: "Saisissez votre adresse e-mail."))
        }
        if (form["password"] ?? "").isEmpty {
            errors.append(FieldErrorLink(field: "password", message: "Saisissez votre mot de passe."))
        }
        guard errors.isEmpty else {
            return renderLogIn(context, email: email, returnTo: returnTo, notice: nil, errors: errors, status: .unprocessableContent)
        }
        switch try accounts.logIn(email: email, password: form["password"] ?? "", remoteAddress: context.request.remoteAddress, now: now()) {
        case .success(let account, let token):
            let target = LocalRedirect.target(returnTo, default: account.role.home.path)
            return pages.redirect(to: target, context, extraCookies: [sessionCookie(token)])
        case .failure(let message):
            return renderLogIn(context, email: email, returnTo: returnTo, notice: nil, errors: [FieldErrorLink(field: "email", message: message)], status: .unprocessableContent)
        case .throttled(let message):
            return renderLogIn(context, email: email, returnTo: returnTo, notice: nil, errors: [FieldErrorLink(field: "email", message: message)], status: .tooManyRequests)
        }
    }

    private func renderLogIn(_ context: RequestContext, email: String, returnTo: String?, notice: String?, errors: [FieldErrorLink], status: HTTPStatus) -> HTTPResponse {
        let view = LogInView(
            layout: pages.layout("Se connecter", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            hasErrors: !errors.isEmpty,
            errors: errors,
            notice: notice,
            returnTo: returnTo,
            fields: LogInFields(
                email: FormField(id: "email", value: email, error: errors.first { $0.field == "email" }?.message),
                password: FormField(id: "password", value: "", error: errors.first { $0.field == "password" }?.message)
            )
        )
        return pages.page("accounts/log-in", view, context, status: status)
    }

    // MARK: Log-out

    func logOut(_ context: RequestContext) throws -> HTTPResponse {
        if let token = context.sessionToken {
            try accounts.logOut(token: token)
        }
        let expired = pages.contextFactory.cookies.session(token: "", maxAge: 0)
        return pages.redirect(to: AccountPaths.loggedOut, context, extraCookies: [expired])
    }

    private func sessionCookie(_ token: String) -> SetCookie {
        pages.contextFactory.cookies.session(token: token, maxAge: nil)
    }
}
