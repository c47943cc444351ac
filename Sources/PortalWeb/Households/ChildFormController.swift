import Foundation
import PortalCore
import PortalHTTP

/// Adding a child to the household, and correcting one: first name, last name, birth date (three
/// inputs), school (optional). GOV.UK pattern: an error summary linking to the fields, answers kept.
struct ChildFormController: Sendable {
    let households: Households
    let spaces: Spaces
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct ChildFormView {
        let layout: LayoutContext
        let heading: String
        let action: String
        let button: String
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let firstName: FormField
        let lastName: FormField
        let birthDate: DateFieldView
        let school: FormField
    }

    /// `GET /mon-espace/foyer/enfants/nouveau`: an empty form.
    func showNew(_ context: RequestContext) throws -> HTTPResponse {
        return render(context, childId: nil, form: ChildForm(firstName: "", lastName: "", birthDay: "", birthMonth: "", birthYear: ""),
                      errors: [], status: .ok)
    }

    /// `POST /mon-espace/foyer/enfants/nouveau`.
    func add(_ context: RequestContext) throws -> HTTPResponse {
        try save(context, childId: nil)
    }

    /// `GET /mon-espace/foyer/enfants/{id}`: the child's form filled with what the household holds.
    func showEdit(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        let household = try households.household(of: actor, now: now())
        guard let child = household.children.first(where: { $0.id == id }) else { throw PageNotFound() }
        let form = ChildForm(firstName: child.firstName, lastName: child.lastName, birthDay: child.birthDate.map { String($0.day) } ?? "",
                             birthMonth: child.birthDate.map { String($0.month) } ?? "", birthYear: child.birthDate.map { String($0.year) } ?? "",
                             school: child.school ?? "")
        return render(context, childId: id, form: form, errors: [], status: .ok)
    }

    /// `POST /mon-espace/foyer/enfants/{id}`.
    func update(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        try save(context, childId: id)
    }

    private func save(_ context: RequestContext, childId: Int64?) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        let posted = try context.postedForm()
        let form = ChildForm(firstName: posted["prenom"] ?? "", lastName: posted["nom"] ?? "", birthDay: posted["naissance-day"] ?? "",
                             birthMonth: posted["naissance-month"] ?? "", birthYear: posted["naissance-year"] ?? "", school: posted["ecole"] ?? "")
        guard !context.formIsStale else {
            return render(context, childId: childId, form: form, errors: [FieldErrorLink(field: "prenom", message: AccountController.staleFormMessage)],
                          status: .forbidden)
        }
        do {
            let child = try childId.map { try households.updateChild($0, form, actor: actor, now: now()) }
                ?? households.addChild(form, actor: actor, now: now())
            return pages.redirect(to: HouseholdPaths.household + (childId == nil ? "?ajoute=" : "?modifie=") + "\(child.id)#enfants", context)
        } catch HouseholdError.invalid(let errors) {
            let links = errors.errors.map { FieldErrorLink(field: DateFieldView.anchor($0.field, dates: ["naissance"]), message: $0.message) }
            return render(context, childId: childId, form: form, errors: links, status: .unprocessableContent)
        }
    }

    private func render(_ context: RequestContext, childId: Int64?, form: ChildForm, errors: [FieldErrorLink], status: HTTPStatus) -> HTTPResponse {
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        let heading = childId == nil ? "Ajouter un enfant" : "Modifier les informations de l'enfant"
        let view = ChildFormView(
            layout: pages.layout(heading, context, hasErrors: !errors.isEmpty),
            heading: heading,
            action: childId.map(HouseholdPaths.child) ?? HouseholdPaths.newChild,
            button: childId == nil ? "Ajouter l'enfant" : "Enregistrer",
            csrfToken: context.csrfToken,
            hasErrors: !errors.isEmpty,
            errors: errors,
            firstName: FormField(id: "prenom", value: form.firstName, error: error("prenom")),
            lastName: FormField(id: "nom", value: form.lastName, error: error("nom")),
            birthDate: DateFieldView(id: "naissance", legend: "Date de naissance", hint: "Par exemple : 14 3 2019", day: form.birthDay,
                                     month: form.birthMonth, year: form.birthYear, error: error("naissance-day")),
            school: FormField(id: "ecole", value: form.school, error: error("ecole")))
        return pages.page("household/child", view, context, status: status)
    }
}
