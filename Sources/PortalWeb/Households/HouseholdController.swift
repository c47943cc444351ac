import Foundation
import PortalCore
import PortalHTTP

/// « Mon foyer »: the adults responsible for the household (a second one invited by e-mail), the
/// children and the documents services ask for. Only the household's adults see it; other roles
/// get 404.
struct HouseholdController: Sendable {
    let households: Households
    let spaces: Spaces
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// `GET /mon-espace/foyer`, with the confirmation of what was just done (`?ajoute=`, `?modifie=`,
    /// `?document=`, `?invitation=envoyee`, `?rejoint=1`).
    func show(_ context: RequestContext) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        let household = try ownHousehold(actor)
        return render(context, actor: actor, household: household, notice: notice(context.request, household: household),
                      errors: [], typedEmail: "", status: .ok)
    }

    /// `POST /mon-espace/foyer/invitation`: `email`; the page again with the address kept on a mistake.
    func invite(_ context: RequestContext) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        let form = try context.postedForm()
        let email = form["email"] ?? ""
        guard !context.formIsStale else {
            return render(context, actor: actor, household: try ownHousehold(actor), notice: nil,
                          errors: [FieldErrorLink(field: "email", message: AccountController.staleFormMessage)], typedEmail: email, status: .forbidden)
        }
        do {
            try households.invite(email: email, actor: actor, now: now())
        } catch HouseholdError.invalid(let errors) {
            return render(context, actor: actor, household: try ownHousehold(actor), notice: nil,
                          errors: errors.links, typedEmail: email,
                          status: .unprocessableContent)
        }
        return pages.redirect(to: HouseholdPaths.household + "?invitation=envoyee", context)
    }

    private func ownHousehold(_ actor: Account) throws -> Household {
        return try households.household(of: actor, now: now())
    }

    /// The confirmation named by the query, only about what the household holds.
    private func notice(_ request: HTTPRequest, household: Household) -> String? {
        if let id = request.queryValue("ajoute").flatMap(Int64.init), let child = household.member(id) {
            return "\(child.fullName) fait maintenant partie de votre foyer."
        }
        if let id = request.queryValue("modifie").flatMap(Int64.init), let child = household.member(id) {
            return "Les informations de \(child.fullName) sont enregistrées."
        }
        if let id = request.queryValue("document").flatMap(Int64.init), let document = household.documents.first(where: { $0.id == id }) {
            let validity = HouseholdWording.validity(of: document, on: CalendarDay(now()))
            return "Document ajouté : \(document.kind.label), \(validity.text). Il servira pour toutes vos inscriptions."
        }
        // Invitations are listed oldest first: the last is the one just sent.
        if request.queryValue("invitation") == "envoyee", let email = household.pendingInvitations.last {
            return "Invitation envoyée à \(email). Elle est valable 14 jours : l'autre adulte se connecte (ou crée son compte) avec cette adresse, puis ouvre le lien reçu."
        }
        if request.queryValue("rejoint") == "1" {
            return "Vous avez rejoint ce foyer. Vous pouvez maintenant inscrire ses enfants et retrouver ses documents."
        }
        return nil
    }

    private func render(_ context: RequestContext, actor: Account, household: Household, notice: String?, errors: [FieldErrorLink],
                        typedEmail: String, status: HTTPStatus) -> HTTPResponse {
        let view = HouseholdView(household, actor: actor, today: CalendarDay(now()),
                                 layout: pages.layout("Mon foyer", context, hasErrors: !errors.isEmpty), csrfToken: context.csrfToken,
                                 notice: notice, errors: errors, typedEmail: typedEmail)
        return pages.page("household/household", view, context, status: status)
    }
}
