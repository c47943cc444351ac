import Foundation
import PortalCore
import PortalHTTP

/// `/activation/{token}`: an account created without a password (a first administrator, from the
/// command line, or an invited member of staff) chooses one through the link it was sent, then lands in its space, logged in.
struct ActivationLinkController: Sendable {
    let accounts: Accounts
    let pages: PageRenderer
    let cookies: PortalCookies
    let now: @Sendable () -> Date

    struct LinkView {
        let layout: LayoutContext
        /// False once the link is used, replaced or expired: the page says so, without a form.
        let valid: Bool
        let displayName: String
        let email: String
        let action: String
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let password: FormField
        let passwordHint = PasswordPolicy.hint
    }

    /// `GET /activation/{token}`.
    func show(_ context: RequestContext, token: String) throws -> HTTPResponse {
        render(context, token: token, account: try accounts.account(activating: token, now: now()), errors: [])
    }

    /// `POST /activation/{token}`: `password`.
    func activate(_ context: RequestContext, token: String) throws -> HTTPResponse {
        let password = try context.postedForm()["password"] ?? ""
        let account = try accounts.account(activating: token, now: now())
        guard !context.formIsStale else {
            return render(context, token: token, account: account,
                          errors: [FieldErrorLink(field: "password", message: AccountController.staleFormMessage)], status: .forbidden)
        }
        guard let account else { return render(context, token: token, account: nil, errors: []) }
        do {
            let (activated, session) = try accounts.activate(link: token, password: password, now: now())
            return pages.redirect(to: activated.role.home.path, context, extraCookies: [cookies.session(token: session, maxAge: nil)])
        } catch StaffAccountError.invalid(let invalid) {
            let errors = invalid["password"].map { [FieldErrorLink(field: "password", message: $0)] } ?? []
            return render(context, token: token, account: account, errors: errors, status: .unprocessableContent)
        } catch AccessError.notFound {
            return render(context, token: token, account: nil, errors: [])
        }
    }

    private func render(_ context: RequestContext, token: String, account: Account?, errors: [FieldErrorLink],
                        status: HTTPStatus? = nil) -> HTTPResponse {
        let title = account == nil ? "Ce lien n'est plus valable" : "Choisir votre mot de passe"
        let view = LinkView(
            layout: pages.layout(title, context, hasErrors: !errors.isEmpty),
            valid: account != nil, displayName: account?.displayName ?? "", email: account?.email ?? "",
            action: AccountPaths.activationLink(token: token), csrfToken: context.csrfToken,
            hasErrors: !errors.isEmpty, errors: errors,
            password: FormField(id: "password", value: "", error: errors.first?.message))
        var response = pages.page("accounts/activation-link", view, context, status: status ?? (account == nil ? .notFound : .ok))
        // The token is in the address: keep it out of caches (the referrer policy, same-origin, keeps
        // it from other sites).
        response.headers["Cache-Control"] = "no-store"
        return response
    }
}
