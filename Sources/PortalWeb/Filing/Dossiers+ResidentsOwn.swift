import Foundation
import PortalCore

extension Dossiers {
    /// A dossier of the request's account's own: the resident's pages show no one else's, even one
    /// the core would let the account see.
    func residentsOwnDossier(_ id: Int64, _ context: RequestContext, now: Date) throws -> Dossier {
        let dossier = try dossier(id: id, actor: context.account, now: now)
        guard dossier.accountId == context.account?.id else { throw DossierError.notFound }
        return dossier
    }
}
