import Foundation
import PortalCore
import PortalHTTP

/// What every page of the France Services counter needs: the adviser behind the request, the
/// resident's account under a mandate, and the journal. Anything the adviser may not see —
/// another role, a resident without a mandate covering the page — is a 404 page.
struct FranceServicesDesk: Sendable {
    let franceServices: FranceServices
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// The France Services adviser logged in; anyone else gets 404 (the routes send logged-out
    /// visitors to log in first).
    func adviser(_ context: RequestContext) throws -> Account {
        guard let account = context.account, account.role == .franceServices, account.organisationId != nil else { throw PageNotFound() }
        return account
    }

    /// The adviser's France Services site.
    func site(of adviser: Account) -> Organisation? {
        adviser.organisationId.flatMap(catalogue.organisation(id:))
    }

    /// The resident's account as the use cases must receive it when the adviser acts for them in
    /// `family`, and the mandate allowing it; 404 without one.
    func acting(for residentId: Int64, in family: ProcedureFamily, _ context: RequestContext) throws -> (Account, Mandate) {
        return try franceServices.actingAccount(for: residentId, family: family, adviser: try adviser(context), now: now())
    }

    /// The families the site's valid mandates of this resident cover; empty without one.
    func coveredFamilies(of residentId: Int64, _ context: RequestContext) throws -> Set<ProcedureFamily> {
        Set(try activeMandates(of: residentId, context).flatMap(\.families))
    }

    /// The site's valid mandates for this resident, latest first.
    func activeMandates(of residentId: Int64, _ context: RequestContext) throws -> [Mandate] {
        let date = now()
        return try franceServices.mandates(of: residentId, actor: try adviser(context), now: date).filter { $0.isActive(at: date) }
    }

    /// The family a procedure belongs to, which a mandate must cover to act in it.
    func family(ofProcedure slug: String) -> ProcedureFamily {
        ProcedureFamily.of(category: catalogue.procedure(slug: slug)?.categoryId ?? "")
    }

    /// The resident's account for reading what spans families (documents asked for, drafts), with
    /// the families the site's valid mandates cover; 404 without any.
    func actingForAnyFamily(of residentId: Int64, _ context: RequestContext) throws -> (Account, Set<ProcedureFamily>) {
        let covered = try coveredFamilies(of: residentId, context)
        guard let family = ProcedureFamily.allCases.first(where: covered.contains) else { throw PageNotFound() }
        return (try acting(for: residentId, in: family, context).0, covered)
    }

    /// Journals what the adviser did for the resident under `mandate`.
    func record(_ detail: String, for residentId: Int64, under mandate: Mandate, _ context: RequestContext) throws {
        try franceServices.record(detail, for: residentId, under: mandate, adviser: try adviser(context), now: now())
    }
}
