import Foundation
import PortalCore
import PortalHTTP

/// Deactivating a staff account, after a confirmation page that says what happens and which open
/// dossiers are assigned to it, or revoking the invitation of one that has no password yet; and
/// reactivating it.
struct StaffDeactivationController: Sendable {
    let accounts: Accounts
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct ConfirmView {
        let layout: LayoutContext
        let csrfToken: String
        let error: String?
        let title: String
        let failure: String
        let lead: String
        let points: [String]
        let button: String
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
        } catch let error as StaffAccountError {
            return try render(context, id: id, error: error.description, status: .conflict)
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
        let name = member.account.displayName
        let view: ConfirmView
        if case .invited = member.status {
            view = ConfirmView(
                layout: pages.layout("Révoquer l'invitation de \(name)", context, hasErrors: error != nil),
                csrfToken: context.csrfToken, error: error, title: "Révoquer l'invitation de \(name)",
                failure: "L'invitation n'a pas été révoquée",
                lead: "Le lien envoyé à \(member.account.email) ne fonctionnera plus, dès maintenant.",
                points: ["Vous pourrez renvoyer une invitation plus tard, avec un nouveau lien."],
                button: "Révoquer l'invitation", action: AdminPaths.deactivation(id))
        } else {
            let assignments = switch count {
            case 0: "Aucune demande en cours ne lui est attribuée."
            case 1: "1 demande en cours lui est attribuée : elle reste à son nom jusqu'à ce qu'un collègue la reprenne dans la file."
            default: "\(count) demandes en cours lui sont attribuées : elles restent à son nom jusqu'à ce qu'un collègue les reprenne dans la file."
            }
            view = ConfirmView(
                layout: pages.layout("Désactiver le compte de \(name)", context, hasErrors: error != nil),
                csrfToken: context.csrfToken, error: error, title: "Désactiver le compte de \(name)",
                failure: "Le compte n'a pas été désactivé",
                lead: "\(name) (\(member.account.email)) ne pourra plus se connecter, dès maintenant : ses sessions ouvertes sont fermées.",
                points: ["Son historique reste : ce que la personne a fait dans les demandes, les factures et le journal garde son nom.",
                         assignments,
                         "Vous pourrez réactiver le compte plus tard ; la personne retrouvera alors son mot de passe."],
                button: "Désactiver le compte", action: AdminPaths.deactivation(id))
        }
        return pages.page("admin/deactivation", view, context, status: status)
    }
}
