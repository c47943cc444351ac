import Foundation
import PortalCore
import PortalHTTP

/// The routes of households and registrations: the résident's « Mon foyer » and « Inscriptions »,
/// the agents' lists per activity, each reachable by its space's role only (``SiteRoutes/spacePage(_:_:fallback:keepsAnswersWhenStale:_:)``).
struct HouseholdRoutes: RouteCollection {
    let household: HouseholdController
    let children: ChildFormController
    let documents: DocumentFormController
    let invitations: InvitationController
    let residentRegistrations: ResidentRegistrationController
    let agentRegistrations: AgentRegistrationController

    init(households: Households, registrations: Registrations, catalogue: Catalogue, spaces: Spaces, pages: PageRenderer,
         now: @escaping @Sendable () -> Date) {
        household = HouseholdController(households: households, spaces: spaces, pages: pages, now: now)
        children = ChildFormController(households: households, spaces: spaces, pages: pages, now: now)
        documents = DocumentFormController(households: households, spaces: spaces, pages: pages, now: now)
        invitations = InvitationController(households: households, spaces: spaces, pages: pages, now: now)
        residentRegistrations = ResidentRegistrationController(registrations: registrations, households: households, catalogue: catalogue,
                                                             spaces: spaces, pages: pages, now: now)
        agentRegistrations = AgentRegistrationController(registrations: registrations, spaces: spaces, pages: pages, now: now)
    }

    func register(into routes: inout SiteRoutes) {
        /// A page of a signed-in space; a posted form without a session goes back to `home` after logging in.
        func signedIn(_ method: HTTPMethod, _ pattern: String, home: String, keepsAnswersWhenStale: Bool = false,
                      _ handler: @escaping PageHandler) {
            routes.spacePage(method, pattern, fallback: home, keepsAnswersWhenStale: keepsAnswersWhenStale, handler)
        }
        let household = self.household, children = self.children, documents = self.documents, invitations = self.invitations
        let resident = residentRegistrations, agent = agentRegistrations

        signedIn(.GET, HouseholdPaths.household, home: HouseholdPaths.household) { context, _ in try household.show(context) }
        signedIn(.POST, HouseholdPaths.invite, home: HouseholdPaths.household, keepsAnswersWhenStale: true) { context, _ in try household.invite(context) }
        signedIn(.GET, HouseholdPaths.newChild, home: HouseholdPaths.household) { context, _ in try children.showNew(context) }
        signedIn(.POST, HouseholdPaths.newChild, home: HouseholdPaths.household, keepsAnswersWhenStale: true) { context, _ in try children.add(context) }
        signedIn(.GET, "/mon-espace/foyer/enfants/{id}", home: HouseholdPaths.household) { context, parameters in
            try children.showEdit(context, id: try parameters.id("id"))
        }
        signedIn(.POST, "/mon-espace/foyer/enfants/{id}", home: HouseholdPaths.household, keepsAnswersWhenStale: true) { context, parameters in
            try children.update(context, id: try parameters.id("id"))
        }
        signedIn(.GET, HouseholdPaths.newDocument, home: HouseholdPaths.household) { context, _ in try documents.show(context) }
        signedIn(.POST, HouseholdPaths.newDocument, home: HouseholdPaths.household, keepsAnswersWhenStale: true) { context, _ in try documents.add(context) }
        signedIn(.GET, "/mon-espace/foyer/documents/{id}", home: HouseholdPaths.household) { context, parameters in
            try documents.download(context, id: try parameters.id("id"))
        }
        signedIn(.GET, "/mon-espace/foyer/invitation/{token}", home: HouseholdPaths.household) { context, parameters in
            try invitations.show(context, token: parameters["token"] ?? "")
        }
        signedIn(.POST, "/mon-espace/foyer/invitation/{token}", home: HouseholdPaths.household) { context, parameters in
            try invitations.accept(context, token: parameters["token"] ?? "")
        }

        signedIn(.GET, RegistrationPaths.resident, home: RegistrationPaths.resident) { context, _ in try resident.list(context) }
        signedIn(.POST, RegistrationPaths.resident, home: RegistrationPaths.resident, keepsAnswersWhenStale: true) { context, _ in try resident.register(context) }
        signedIn(.GET, "/mon-espace/inscriptions/{id}/annulation", home: RegistrationPaths.resident) { context, parameters in
            try resident.confirmCancel(context, id: try parameters.id("id"))
        }
        signedIn(.POST, "/mon-espace/inscriptions/{id}/annulation", home: RegistrationPaths.resident) { context, parameters in
            try resident.cancel(context, id: try parameters.id("id"))
        }

        signedIn(.GET, RegistrationPaths.agent, home: RegistrationPaths.agent) { context, _ in try agent.list(context) }
        signedIn(.GET, "/agent/inscriptions/{activity}", home: RegistrationPaths.agent) { context, parameters in
            try agent.activity(context, activityId: parameters["activity"] ?? "")
        }
        signedIn(.GET, "/agent/inscriptions/{activity}/export.csv", home: RegistrationPaths.agent) { context, parameters in
            try agent.export(context, activityId: parameters["activity"] ?? "")
        }
        signedIn(.POST, "/agent/inscriptions/{activity}/refus/{id}", home: RegistrationPaths.agent) { context, parameters in
            try agent.refuse(context, activityId: parameters["activity"] ?? "", registrationId: try parameters.id("id"))
        }
    }
}
