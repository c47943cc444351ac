import Foundation
import PortalCore

/// Core lookups as the pages need them: what the account may not see is a 404 page.
extension Dossiers {
    /// A dossier the account may see (its resident's, or its service's agents').
    func visibleDossier(_ id: Int64, _ context: RequestContext, now: Date) throws -> Dossier {
        do {
            return try dossier(id: id, actor: context.account, now: now)
        }
    }

    /// A dossier of the logged-in resident's own (agents of its service get 404 on these pages too).
    func residentsOwnDossier(_ id: Int64, _ context: RequestContext, now: Date) throws -> Dossier {
        let dossier = try visibleDossier(id, context, now: now)
        guard dossier.accountId == context.account?.id else { throw PageNotFound() }
        return dossier
    }
}

extension Spaces {
    /// The space's overview for the request's account; anyone who may not enter gets 404.
    func overviewOrNotFound(of space: Space, _ context: RequestContext) throws -> SpaceOverview {
        do {
            return try overview(of: space, actor: context.account)
        } catch {
            throw PageNotFound()
        }
    }
}
