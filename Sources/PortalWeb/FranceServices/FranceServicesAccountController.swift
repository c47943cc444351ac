import Foundation
import PortalCore
import PortalHTTP

/// An adviser creates the account of a resident who has none, with them at the counter, then
/// prints the sheet with the activation code the resident chooses their own password with.
struct FranceServicesAccountController: Sendable {
    let desk: FranceServicesDesk
    /// The activation page's address printed on the sheet.
    let links: SiteMap

    struct Fields {
        let displayName: FormField
        let email: FormField
        let commune: AccountController.CommuneField
        let birthDate: FormField
    }

    struct FormView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let fields: Fields
        let action = FranceServicesPaths.newAccount
    }

    struct SheetView {
        let layout: LayoutContext
        let displayName: String
        let email: String
        let communeName: String
        let siteName: String
        let adviserName: String
        let createdOn: String
        let code: String
        let validUntil: String
        let activationURL: String
        let residentPath: String
        let site: OrganisationView?
    }

    /// `GET /guichet/habitants/nouveau`.
    func show(_ context: RequestContext) throws -> HTTPResponse {
        _ = try desk.adviser(context)
        return render(context, typed: [:], errors: [], status: .ok)
    }

    /// `POST /guichet/habitants/nouveau`: the account, then the sheet to print (shown once, never stored).
    func create(_ context: RequestContext) throws -> HTTPResponse {
        let adviser = try desk.adviser(context)
        let form = try context.postedForm()
        let typed = Dictionary(["displayName", "email", "commune", "naissance"].map { ($0, form[$0] ?? "") }, uniquingKeysWith: { a, _ in a })
        guard !context.formIsStale else {
            return render(context, typed: typed, errors: [FieldErrorLink(field: "displayName", message: AccountController.staleFormMessage)],
                          status: .forbidden)
        }
        let created: FranceServices.CreatedAccount
        do {
            created = try desk.franceServices.createAccount(
                displayName: typed["displayName"] ?? "", email: typed["email"] ?? "", communeInsee: typed["commune"] ?? "",
                birthDate: typed["naissance"] ?? "", adviser: adviser, now: desk.now())
        } catch FranceServicesError.invalid(let errors) {
            return render(context, typed: typed, errors: errors.links,
                          status: .unprocessableContent)
        }
        let now = desk.now(), site = desk.site(of: adviser)
        let account = created.account
        let view = SheetView(
            layout: desk.pages.layout("Compte créé pour \(account.displayName)", context),
            displayName: account.displayName,
            email: account.email,
            communeName: account.communeInsee.flatMap { desk.catalogue.commune(insee: $0)?.name } ?? "",
            siteName: site?.name ?? "France Services",
            adviserName: adviser.displayName,
            createdOn: CalendarDay(now).french,
            code: created.activationCode,
            validUntil: CalendarDay(now.addingTimeInterval(FranceServices.activationLifetime)).french,
            activationURL: links.activation(),
            residentPath: FranceServicesPaths.resident(account.id),
            site: site.map(OrganisationView.init))
        var response = desk.pages.page("guichet/account-sheet", view, context)
        // The code is on this page only: no copy kept by the browser's cache.
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    private func render(_ context: RequestContext, typed: [String: String], errors: [FieldErrorLink], status: HTTPStatus) -> HTTPResponse {
        func error(_ id: String) -> String? { errors.first { $0.field == id }?.message }
        func field(_ id: String) -> FormField { FormField(id: id, value: typed[id] ?? "", error: error(id)) }
        let view = FormView(
            layout: desk.pages.layout("Créer un compte avec la personne", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            hasErrors: !errors.isEmpty,
            errors: errors,
            fields: Fields(
                displayName: field("displayName"),
                email: field("email"),
                commune: AccountController.CommuneField(
                    id: "commune", error: error("commune"),
                    options: CommuneChoice(action: "", communes: desk.catalogue.communes(), selected: typed["commune"]).options),
                birthDate: field("naissance")))
        return desk.pages.page("guichet/new-account", view, context, status: status)
    }
}
