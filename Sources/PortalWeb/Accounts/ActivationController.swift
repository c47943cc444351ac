import Foundation
import PortalCore
import PortalHTTP

/// A resident whose account was made at a France Services counter chooses their own password
/// with the code they were given (printed, and e-mailed), then logs in.
///
/// GOV.UK pattern as on sign-up: an error summary linking to the fields, the e-mail and code kept
/// on error (never the password).
struct ActivationController: Sendable {
    let accounts: Accounts
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct Fields {
        let email: FormField
        let code: FormField
        let password: FormField
    }

    struct ActivationView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let fields: Fields
        let passwordHint = PasswordPolicy.hint
    }

    /// `GET /activation`; a logged-in person goes to their space.
    func show(_ context: RequestContext) -> HTTPResponse {
        if let account = context.account {
            return pages.redirect(to: account.role.home.path, context)
        }
        return render(context, email: "", code: "", errors: [], status: .ok)
    }

    /// `POST /activation`: sets the password, then the log-in page says it is done.
    func activate(_ context: RequestContext) throws -> HTTPResponse {
        let form = try context.postedForm()
        let email = form["email"] ?? "", code = form["code"] ?? "", password = form["password"] ?? ""
        guard !context.formIsStale else {
            let stale = [FieldErrorLink(field: "email", message: AccountController.staleFormMessage)]
            return render(context, email: email, code: code, errors: stale, status: .forbidden)
        }
        var errors: [FieldErrorLink] = []
        if email.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldErrorLink(field: "email", message: "Saisissez votre adresse e-mail."))
        }
        if code.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldErrorLink(field: "code", message: "Saisissez le code d'activation qui vous a été remis."))
        }
        if !errors.isEmpty {
            if let problem = PasswordPolicy.problem(with: password, email: email) {
                errors.append(FieldErrorLink(field: "password", message: problem))
            }
            return render(context, email: email, code: code, errors: errors, status: .unprocessableContent)
        }
        do {
            _ = try accounts.activate(email: email, code: code, password: password, remoteAddress: context.request.remoteAddress, now: now())
        } catch FranceServicesError.invalid(let invalid) {
            // In the order of the page's fields.
            let links = ["code", "password"].compactMap { field in invalid[field].map { FieldErrorLink(field: field, message: $0) } }
            return render(context, email: email, code: code, errors: links, status: .unprocessableContent)
        }
        return pages.redirect(to: AccountPaths.activated, context)
    }

    private func render(_ context: RequestContext, email: String, code: String, errors: [FieldErrorLink], status: HTTPStatus) -> HTTPResponse {
        func field(_ id: String, _ value: String) -> FormField {
            FormField(id: id, value: value, error: errors.first { $0.field == id }?.message)
        }
        let view = ActivationView(
            layout: pages.layout("Choisir votre mot de passe", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            hasErrors: !errors.isEmpty,
            errors: errors,
            fields: Fields(email: field("email", email), code: field("code", code), password: field("password", "")))
        return pages.page("accounts/activation", view, context, status: status)
    }
}
