import Foundation
import PortalCore
import PortalHTTP

/// `GET /guichet`: the adviser finds a resident (name, e-mail, birth date; every search is
/// journaled), or creates their account; and reads their own recent journal.
struct FranceServicesHomeController: Sendable {
    let desk: FranceServicesDesk

    /// How many of the adviser's latest journal entries the page shows.
    static let journalLength = 20

    struct ResultRow {
        let name: String
        let commune: String
        let hasMandate: Bool
        let path: String
    }

    struct HomeView {
        let layout: LayoutContext
        let adviserName: String
        let siteName: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let name: FormField
        let email: FormField
        let birthDate: FormField
        let searched: Bool
        let results: [ResultRow]
        let hasResults: Bool
        let resultCount: String
        /// The search stopped at its limit: the adviser should narrow it.
        let isTruncated: Bool
        let newAccountPath = FranceServicesPaths.newAccount
        let journal: [JournalLine]
        let hasJournal: Bool
    }

    func home(_ context: RequestContext) throws -> HTTPResponse {
        let adviser = try desk.adviser(context)
        let typed = (name: context.request.queryValue("nom") ?? "", email: context.request.queryValue("email") ?? "",
                     birthDate: context.request.queryValue("naissance") ?? "")
        let searched = ["nom", "email", "naissance"].contains { context.request.queryValue($0) != nil }
        var results: [FranceServices.ResidentMatch] = []
        var errors: [FieldErrorLink] = []
        if searched {
            do {
                results = try desk.franceServices.search(name: typed.name, email: typed.email, birthDate: typed.birthDate,
                                                  adviser: adviser, now: desk.now())
            } catch FranceServicesError.invalid(let invalid) {
                errors = invalid.links
            }
        }
        let entries = try desk.franceServices.journal(ofAdviser: adviser, limit: Self.journalLength)
        var residents: [Int64: FranceServices.ResidentMatch] = [:]
        for id in Set(entries.compactMap(\.residentAccountId)) {
            residents[id] = try? desk.franceServices.resident(id, adviser: adviser, now: desk.now())
        }
        func field(_ id: String, _ value: String) -> FormField {
            FormField(id: id, value: value, error: errors.first { $0.field == id }?.message)
        }
        let rows = results.map {
            ResultRow(name: $0.displayName, commune: $0.communeName ?? "Commune non renseignée", hasMandate: $0.hasMandate,
                      path: FranceServicesPaths.resident($0.accountId))
        }
        let view = HomeView(
            layout: desk.pages.layout(searched && errors.isEmpty ? "Résultats de la recherche – Guichet France Services"
                                      : "Guichet France Services", context, hasErrors: !errors.isEmpty),
            adviserName: adviser.displayName,
            siteName: desk.site(of: adviser)?.name ?? "France Services",
            hasErrors: !errors.isEmpty,
            errors: errors,
            name: field("nom", typed.name),
            email: field("email", typed.email),
            birthDate: field("naissance", typed.birthDate),
            searched: searched && errors.isEmpty,
            results: rows,
            hasResults: !rows.isEmpty,
            resultCount: rows.count == 1 ? "1 personne trouvée" : "\(rows.count) personnes trouvées",
            isTruncated: rows.count >= FranceServices.searchLimit,
            journal: entries.map { JournalLine($0, catalogue: desk.catalogue, resident: $0.residentAccountId.flatMap { residents[$0] }) },
            hasJournal: !entries.isEmpty)
        return desk.pages.page("guichet/home", view, context, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
