import Foundation
import PortalCore
import PortalHTTP

/// The link of an invitation to share a household: who invites, and a button to join; or why the
/// account cannot (the link is used or expired, it was sent to another address, the account
/// already has a household of its own with children or another adult).
struct InvitationController: Sendable {
    let households: Households
    let spaces: Spaces
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct InvitationView {
        let layout: LayoutContext
        let heading: String
        let paragraphs: [String]
        /// Shows the form that joins the household.
        let canAccept: Bool
        let action: String
        let csrfToken: String
    }

    /// What the link leads to for this account.
    private enum Outcome {
        case acceptable(HouseholdInvitation)
        case alreadyMember
        case invalid
        case otherAddress(String)
        case ownHousehold(HouseholdInvitation)
    }

    /// `GET /mon-espace/foyer/invitation/{token}`.
    func show(_ context: RequestContext, token: String) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        return render(context, token: token, outcome: try outcome(token, actor: actor))
    }

    /// `POST /mon-espace/foyer/invitation/{token}`: joins the household, then « Mon foyer ».
    func accept(_ context: RequestContext, token: String) throws -> HTTPResponse {
        let actor = try spaces.overview(of: .resident, actor: context.account).actor
        do {
            _ = try households.acceptInvitation(token: token, actor: actor, now: now())
        } catch HouseholdError.invitationInvalid, HouseholdError.alreadyInAnotherHousehold {
            return render(context, token: token, outcome: try outcome(token, actor: actor))
        }
        return pages.redirect(to: HouseholdPaths.household + "?rejoint=1", context)
    }

    private func outcome(_ token: String, actor: Account) throws -> Outcome {
        let invitation: HouseholdInvitation
        do {
            invitation = try households.invitation(token: token, actor: actor, now: now())
        } catch HouseholdError.invitationInvalid {
            return .invalid
        }
        guard invitation.email == actor.email else { return .otherAddress(actor.email) }
        let own = try households.household(of: actor, now: now())
        if own.id == invitation.householdId { return .alreadyMember }
        // Joining leaves behind a household holding nobody else; anything more stays.
        return own.adults.count + own.children.count > 1 ? .ownHousehold(invitation) : .acceptable(invitation)
    }

    private func render(_ context: RequestContext, token: String, outcome: Outcome) -> HTTPResponse {
        let heading: String, paragraphs: [String], status: HTTPStatus
        switch outcome {
        case .acceptable(let invitation):
            heading = "Rejoindre le foyer de \(invitation.inviterName)"
            paragraphs = [
                "\(invitation.inviterName) vous invite à partager son foyer sur le portail : vous pourrez tous deux inscrire les enfants aux services et retrouver les documents du foyer.",
                "Cette invitation est valable jusqu'au \(CalendarDay(invitation.expiresAt).french).",
            ]
            status = .ok
        case .alreadyMember:
            heading = "Vous faites déjà partie de ce foyer"
            paragraphs = ["Retrouvez ses enfants et ses documents sur la page « Mon foyer »."]
            status = .ok
        case .invalid:
            heading = "Cette invitation n'est plus valable"
            paragraphs = [
                "Le lien a déjà servi, ou il date de plus de 14 jours.",
                "Demandez à l'adulte qui vous a invité(e) de vous envoyer une nouvelle invitation depuis la page « Mon foyer » de son espace.",
            ]
            status = .notFound
        case .otherAddress(let email):
            heading = "Cette invitation est destinée à une autre adresse e-mail"
            paragraphs = [
                "Vous êtes connecté(e) avec l'adresse \(email), qui n'est pas celle à laquelle l'invitation a été envoyée.",
                "Déconnectez-vous, puis connectez-vous (ou créez votre compte) avec l'adresse qui a reçu l'invitation, et ouvrez à nouveau le lien de l'e-mail.",
            ]
            status = .notFound
        case .ownHousehold(let invitation):
            heading = "Vous ne pouvez pas rejoindre le foyer de \(invitation.inviterName)"
            paragraphs = [
                "Votre compte a déjà un foyer avec des enfants ou un autre adulte, et un compte ne fait partie que d'un seul foyer : vous ne pouvez donc pas rejoindre celui de \(invitation.inviterName).",
                "Votre foyer, ses enfants et ses documents restent tels qu'ils sont.",
            ]
            status = .conflict
        }
        let canAccept = if case .acceptable = outcome { true } else { false }
        let view = InvitationView(layout: pages.layout(heading, context), heading: heading, paragraphs: paragraphs, canAccept: canAccept,
                                  action: HouseholdPaths.invitation(token: token), csrfToken: context.csrfToken)
        return pages.page("household/invitation", view, context, status: status)
    }
}
