import Foundation
import PortalCore
import PortalHTTP

/// `GET /guichet/habitants/{id}/recepisse`: the printable récépissé of the resident's visit —
/// what the adviser's site did for them today, with the references, the mandates in force and
/// the site's contacts. Nothing recorded today for them: 404.
struct FranceServicesReceiptController: Sendable {
    let desk: FranceServicesDesk

    struct Line {
        let time: String
        let action: String
        let detail: String
        let adviserName: String
    }

    struct MandateLine {
        let families: String
        let until: String
    }

    struct ReceiptView {
        let layout: LayoutContext
        let residentName: String
        let residentPath: String
        let siteName: String
        let date: String
        let lines: [Line]
        let mandates: [MandateLine]
        let hasMandates: Bool
        let site: OrganisationView?
    }

    func show(_ context: RequestContext, resident id: Int64) throws -> HTTPResponse {
        let adviser = try desk.adviser(context)
        let entries: [AuditEntry], resident: FranceServices.ResidentMatch
        entries = try desk.franceServices.visit(of: id, adviser: adviser, now: desk.now())
        resident = try desk.franceServices.resident(id, adviser: adviser, now: desk.now())
        guard !entries.isEmpty else { throw PageNotFound() }
        let site = desk.site(of: adviser)
        let mandates = try desk.activeMandates(of: id, context).map { mandate in
            MandateLine(families: mandate.families.map(\.label).joined(separator: " ; "), until: ResidentPageView.lastDay(of: mandate))
        }
        let view = ReceiptView(
            layout: desk.pages.layout("Récépissé de la visite – \(resident.displayName)", context),
            residentName: resident.displayName,
            residentPath: FranceServicesPaths.resident(id),
            siteName: site?.name ?? "France Services",
            date: CalendarDay(desk.now()).french,
            lines: entries.map { Line(time: FrenchDateTime.time($0.at), action: $0.action.label, detail: $0.detail, adviserName: $0.adviserName) },
            mandates: mandates,
            hasMandates: !mandates.isEmpty,
            site: site.map(OrganisationView.init))
        return desk.pages.page("guichet/receipt", view, context)
    }
}
