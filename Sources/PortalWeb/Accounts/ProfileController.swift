import Foundation
import PortalCore
import PortalHTTP

/// The resident's contact details (« Mes coordonnées »): name, commune, and the optional phone
/// number and postal address that pre-fill their online requests.
///
/// The page belongs to the resident's space: a logged-out visitor logs in first, other roles
/// get 404. GOV.UK pattern as on sign-up: server-side validation, an error summary linking to
/// the fields, every answer kept on error (also when the anti-forgery token is stale, with 403).
struct ProfileController: Sendable {
    let accounts: Accounts
    let spaces: Spaces
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// Where the page lives.
    static let path = "/mon-espace/profil"

    struct Fields {
        let displayName: FormField
        let commune: AccountController.CommuneField
        let phone: FormField
        let street: FormField
        let postalCode: FormField
        let city: FormField
    }

    struct ProfileView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let notice: String?
        /// The login, shown but not changed here.
        let email: String
        /// When the details were last saved, in French ("3 mars 2026").
        let updatedOn: String?
        let fields: Fields
    }

    /// `GET /mon-espace/profil`: the form filled with what the account holds.
    func show(_ context: RequestContext) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        let notice = context.request.queryValue("enregistre") == "1" ? "Vos coordonnées sont enregistrées." : nil
        return render(context, account: actor, form: ProfileForm(actor), errors: [], notice: notice, status: .ok)
    }

    /// `POST /mon-espace/profil`: saves the details, then the page again with a confirmation.
    func save(_ context: RequestContext) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        let posted = try context.postedForm()
        func value(_ field: ProfileForm.Field) -> String { posted[field.rawValue] ?? "" }
        let form = ProfileForm(
            accountId: actor.id, displayName: value(.displayName), communeInsee: value(.commune), phone: value(.phone),
            street: value(.street), postalCode: value(.postalCode), city: value(.city))
        guard !context.formIsStale else {
            let stale = [FieldErrorLink(field: ProfileForm.Field.displayName.rawValue, message: AccountController.staleFormMessage)]
            return render(context, account: actor, form: form, errors: stale, notice: nil, status: .forbidden)
        }
        do {
            _ = try accounts.updateProfile(form, actor: actor, now: now())
        } catch .invalid(let errors) {
            let links = errors.links
            return render(context, account: actor, form: form, errors: links, notice: nil, status: .unprocessableContent)
        } catch .access {
            throw PageNotFound()
        } catch .storage(let error) {
            throw error
        }
        return pages.redirect(to: Self.path + "?enregistre=1", context)
    }

    private func render(
        _ context: RequestContext, account: Account, form: ProfileForm, errors: [FieldErrorLink], notice: String?, status: HTTPStatus
    ) -> HTTPResponse {
        func error(_ field: ProfileForm.Field) -> String? { errors.first { $0.field == field.rawValue }?.message }
        func field(_ field: ProfileForm.Field, _ value: String) -> FormField {
            FormField(id: field.rawValue, value: value, error: error(field))
        }
        let view = ProfileView(
            layout: pages.layout("Mes coordonnées", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            hasErrors: !errors.isEmpty,
            errors: errors,
            notice: notice,
            email: account.email,
            updatedOn: account.profileUpdatedAt.map { CalendarDay($0).french },
            fields: Fields(
                displayName: field(.displayName, form.displayName),
                commune: AccountController.CommuneField(
                    id: ProfileForm.Field.commune.rawValue,
                    error: error(.commune),
                    options: CommuneChoice(action: "", communes: catalogue.communes(), selected: form.communeInsee).options),
                phone: field(.phone, form.phone),
                street: field(.street, form.street),
                postalCode: field(.postalCode, form.postalCode),
                city: field(.city, form.city))
        )
        return pages.page("accounts/profile", view, context, status: status)
    }
}
