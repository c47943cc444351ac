import Foundation
import PortalCore
import PortalHTTP

/// Deactivating a staff account, after a confirmation page that says what happens and which open
/// dossiers are assigned to it; and reactivating it.
struct StaffDeactivationController: Sendable {
    let accounts: Accounts
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct ConfirmView {
        let layout: LayoutContext
        let csrfToken: String
        let error: String?
        let name: String
        let email: String
        let assignments: String
        let action: String
        let cancelPath = AdminPaths.staff
    }

    /// `GET /admin/comptes/{id}/desactivation`.
    func confirm(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        try render(context, id: id, error: nil, status: .ok)
    }

    /// `POST /admin/comptes/{id}/desactivation`.
    func deactivate(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        do {
            try accounts.deactivate(id, by: context.account, now: now())
        } catch StaffAccountError.lastAdministrator {
            return try render(context, id: id, error: StaffAccountError.lastAdministrator.description, status: .conflict)
        }
        return pages.redirect(to: AdminPaths.deactivated(id), context)
    }

    /// `POST /admin/comptes/{id}/reactivation`.
    func reactivate(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        try accounts.reactivate(id, by: context.account, now: now())
        return pages.redirect(to: AdminPaths.reactivated(id), context)
    }

    private func render(_ context: RequestContext, id: Int64, error: String?, status: HTTPStatus) throws -> HTTPResponse {
        let (member, count) = try accounts.openAssignments(of: id, by: context.account, now: now())
        let assignments = switch count {
        case 0: "Aucune demande en cours ne lui est attribuée."
        case 1: "1 demande en cours lui est attribuée : elle reste à son nom jusqu'à ce qu'un collègue la reprenne dans la file."
        default: "\(count) demandes en cours lui sont attribuées : elles restent à son nom jusqu'à ce qu'un collègue les reprenne dans la file."
        }
        let view = ConfirmView(
            layout: pages.layout("Désactiver le compte de \(member.account.displayName)", context, hasErrors: error != nil),
            csrfToken: context.csrfToken, error: error, name: member.account.displayName, email: member.account.email,
            assignments: assignments, action: AdminPaths.deactivation(id))
        return pages.page("admin/deactivation", view, context, status: status)
    }
}
