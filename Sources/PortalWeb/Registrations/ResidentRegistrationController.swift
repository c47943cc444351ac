import Foundation
import PortalCore
import PortalHTTP

/// « Inscriptions »: the household's registrations (status, rank on the waiting list, refusal
/// reason, invoice), cancelling one after a confirmation page, and the activities open today
/// with a form that registers a child. A refusal comes back with its reason next to the form,
/// and a link to add the documents it lacks.
struct ResidentRegistrationController: Sendable {
    let registrations: Registrations
    let households: Households
    let catalogue: Catalogue
    let spaces: Spaces
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// A registration just refused: for which activity, the member chosen, why.
    private struct Refusal {
        let activityId: String
        let memberId: Int64?
        let message: String
        let missing: [SupportingDocument.Kind]
    }

    struct CancelView {
        let layout: LayoutContext
        let heading: String
        let paragraphs: [String]
        let action: String
        let csrfToken: String
    }

    /// `GET /mon-espace/inscriptions`, with the outcome of what was just done (`?inscription=`, `?annulee=`).
    func list(_ context: RequestContext) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        return try render(context, actor: actor, refusal: nil, status: .ok)
    }

    /// `POST /mon-espace/inscriptions`: `activite`, `membre`.
    func register(_ context: RequestContext) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        let form = try context.postedForm()
        let activityId = form["activite"] ?? ""
        let memberId = form["membre"].flatMap(Int64.init)
        guard !context.formIsStale else {
            let refusal = Refusal(activityId: activityId, memberId: memberId, message: AccountController.staleFormMessage, missing: [])
            return try render(context, actor: actor, refusal: refusal, status: .forbidden)
        }
        guard let memberId else {
            let refusal = Refusal(activityId: activityId, memberId: nil, message: "Choisissez la personne à inscrire.", missing: [])
            return try render(context, actor: actor, refusal: refusal, status: .unprocessableContent)
        }
        do {
            let registration = try registrations.register(activityId, memberId: memberId, actor: actor, now: now())
            return pages.redirect(to: RegistrationPaths.resident + "?inscription=\(registration.id)", context)
        } catch RegistrationError.notFound {
            throw PageNotFound()
        } catch let error as RegistrationError {
            let missing: [SupportingDocument.Kind] = if case .missingDocuments(let kinds) = error { kinds } else { [] }
            let refusal = Refusal(activityId: activityId, memberId: memberId, message: error.message, missing: missing)
            return try render(context, actor: actor, refusal: refusal, status: .unprocessableContent)
        }
    }

    /// `GET /mon-espace/inscriptions/{id}/annulation`: are you sure?
    func confirmCancel(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        guard let (registration, activity) = try registrations.registrations(of: actor, now: now()).first(where: { $0.0.id == id }) else {
            throw PageNotFound()
        }
        guard registration.status.isActive else { return pages.redirect(to: RegistrationPaths.resident, context) }
        let heading = "Annuler l'inscription de \(registration.memberName) ?"
        var paragraphs = ["Activité : \(activity.title) (\(activity.period)). \(RegistrationWording.status(registration))."]
        paragraphs.append(registration.status == .confirmed
            ? "Sa place sera donnée à la première personne de la liste d'attente : si vous changez d'avis, il faudra l'inscrire à nouveau, sans garantie de place."
            : "Elle quittera la liste d'attente : si vous changez d'avis, il faudra l'inscrire à nouveau, en dernière position.")
        if registration.invoiceId != nil {
            paragraphs.append("Sa facture sera annulée si elle n'est pas encore payée ; si vous l'avez déjà payée, même en partie, le service vous remboursera ou vous fera un avoir.")
        }
        let view = CancelView(layout: pages.layout(heading, context), heading: heading, paragraphs: paragraphs,
                              action: RegistrationPaths.cancellation(id), csrfToken: context.csrfToken)
        return pages.page("registrations/cancel", view, context)
    }

    /// `POST /mon-espace/inscriptions/{id}/annulation`: cancels, then the list with a notice.
    func cancel(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        do {
            _ = try registrations.cancel(id, actor: actor, now: now())
        } catch RegistrationError.invalidTransition {
            // Already cancelled or refused (a second click): the list shows where it stands.
            return pages.redirect(to: RegistrationPaths.resident, context)
        }
        return pages.redirect(to: RegistrationPaths.resident + "?annulee=\(id)", context)
    }

    private func render(_ context: RequestContext, actor: Account, refusal: Refusal?, status: HTTPStatus) throws -> HTTPResponse {
        let today = CalendarDay(now())
        let household = try households.household(of: actor, now: now())
        let all = try registrations.registrations(of: actor, now: now())
        // Open today, and to the résident's commune when the activity takes only some.
        let open = try registrations.activities().filter { activity in
            activity.isOpen(on: today) && (activity.communes.isEmpty || activity.communes.contains(actor.communeInsee ?? ""))
        }
        // A refusal about an activity not on the page (closed meanwhile) links to the list of activities.
        let errors = refusal.map { refused in
            [FieldErrorLink(field: open.contains { $0.id == refused.activityId } ? "membre-\(refused.activityId)" : "activites",
                            message: refused.message)]
        } ?? []
        let cards = open.map { activity in
            let mine = refusal?.activityId == activity.id ? refusal : nil
            return RegistrationsView.Card(
                activity, household: household, organisation: catalogue.organisation(id: activity.organisationId)?.name ?? "",
                communes: activity.communes.isEmpty ? nil : activity.communes.compactMap { catalogue.commune(insee: $0)?.name }.joined(separator: ", "),
                today: today, selected: mine?.memberId, refusal: mine.map { ($0.message, $0.missing) })
        }
        let view = RegistrationsView(
            layout: pages.layout("Inscriptions", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken,
            notice: refusal == nil ? notice(context.request, all: all) : nil,
            hasErrors: !errors.isEmpty,
            errors: errors,
            rows: all.map { RegistrationsView.Row($0.0, activity: $0.1) },
            hasRows: !all.isEmpty,
            cards: cards,
            hasCards: !cards.isEmpty,
            hasChildren: !household.children.isEmpty)
        return pages.page("registrations/list", view, context, status: status)
    }

    /// The outcome named by the query, only about the household's own registrations.
    private func notice(_ request: HTTPRequest, all: [(Registration, Activity)]) -> RegistrationsView.Notice? {
        func find(_ name: String) -> (Registration, Activity)? {
            request.queryValue(name).flatMap(Int64.init).flatMap { id in all.first { $0.0.id == id } }
        }
        if let (registration, activity) = find("inscription") {
            let what = "\(registration.memberName) à « \(activity.title) » (\(activity.period))"
            switch registration.status {
            case .confirmed:
                return .init(text: "Inscription confirmée : \(what). Un e-mail vous le confirme."
                             + (registration.invoiceId == nil ? "" : " La facture est dans votre espace."),
                             invoicePath: registration.invoiceId.map(ResidentInvoiceController.path))
            case .waiting:
                return .init(text: "Sur liste d'attente, rang \(registration.rank ?? 0) : toutes les places sont prises pour l'instant (\(what)). Nous vous écrirons dès qu'une place se libère.",
                             invoicePath: nil)
            case .refused, .cancelled:
                return nil
            }
        }
        if let (registration, activity) = find("annulee"), registration.status == .cancelled {
            return .init(text: "L'inscription de \(registration.memberName) à « \(activity.title) » est annulée.", invoicePath: nil)
        }
        return nil
    }
}
