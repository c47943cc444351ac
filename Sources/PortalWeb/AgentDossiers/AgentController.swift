import Foundation
import PortalCore
import PortalHTTP

/// The agent back-office: the organisation's queue (filters, counts, pages, CSV export) and
/// the dossier page with its actions. Everything is scoped by the core to the agent's organisation.
struct AgentController: Sendable {
    let dossiers: Dossiers
    let spaces: Spaces
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct StatusCount {
        let label: String
        let count: Int
        let path: String
    }

    struct Row {
        let reference: String
        let path: String
        let procedureTitle: String
        let residentName: String
        let commune: String
        let filedOn: String
        let dueOn: String
        let overdue: Bool
        let status: String
        let assignee: String
    }

    struct QueueView {
        let layout: LayoutContext
        let organisationName: String
        let counts: [StatusCount]
        let statusOptions: [Option]
        let procedureOptions: [Option]
        let communeOptions: [Option]
        let assignmentOptions: [Option]
        let orderOptions: [Option]
        let overdueOnly: Bool
        let rows: [Row]
        let hasRows: Bool
        let totalText: String
        let pageText: String
        let previousPath: String?
        let nextPath: String?
        let exportPath: String
    }

    /// `GET /agent`.
    func queue(_ context: RequestContext) throws -> HTTPResponse {
        let overview = try spaces.overview(of: .agent, actor: context.account)
        let query = QueueQuery(context.request)
        let page = try dossiers.queue(query.filter, actor: context.account, now: now())
        let filter = query.filter
        let statuses = DossierStatus.allCases.filter { $0 != .draft }
        let view = QueueView(
            layout: pages.layout("Espace agent", context),
            organisationName: overview.organisationName ?? "",
            counts: statuses.map { status in
                StatusCount(label: status.label, count: page.countsByStatus[status] ?? 0, path: QueuePaths.status(status.rawValue))
            },
            statusOptions: [Option(value: "", label: "Demandes ouvertes", selected: filter.status == nil)]
                + statuses.map { Option(value: $0.rawValue, label: $0.label, selected: filter.status == $0) },
            procedureOptions: [Option(value: "", label: "Toutes", selected: filter.procedureSlug == nil)]
                + page.procedureSlugs.compactMap(catalogue.procedure(slug:)).sorted { $0.title < $1.title }.map {
                    Option(value: $0.slug, label: $0.title, selected: filter.procedureSlug == $0.slug)
                },
            communeOptions: [Option(value: "", label: "Toutes", selected: filter.communeInsee == nil)]
                + catalogue.communes().map { Option(value: $0.insee, label: $0.name, selected: filter.communeInsee == $0.insee) },
            assignmentOptions: [
                Option(value: "", label: "Tout le service", selected: filter.assignment == .anyone),
                Option(value: "moi", label: "Mes demandes", selected: filter.assignment == .me),
                Option(value: "personne", label: "Non attribuées", selected: filter.assignment == .unassigned),
            ],
            orderOptions: [
                Option(value: QueueFilter.Order.oldestFirst.rawValue, label: "Les plus anciennes d'abord", selected: filter.order == .oldestFirst),
                Option(value: QueueFilter.Order.newestFirst.rawValue, label: "Les plus récentes d'abord", selected: filter.order == .newestFirst),
                Option(value: QueueFilter.Order.dueFirst.rawValue, label: "Échéance la plus proche", selected: filter.order == .dueFirst),
            ],
            overdueOnly: filter.overdueOnly,
            rows: page.dossiers.map { row(for: $0, names: page.names) },
            hasRows: !page.dossiers.isEmpty,
            totalText: page.total == 1 ? "1 demande" : "\(page.total) demandes",
            pageText: "Page \(page.page) sur \(page.pageCount)",
            previousPath: page.page > 1 ? QueuePaths.queue(query.queryString(page: page.page - 1)) : nil,
            nextPath: page.page < page.pageCount ? QueuePaths.queue(query.queryString(page: page.page + 1)) : nil,
            exportPath: QueuePaths.export(query.queryString())
        )
        return pages.page("agent/queue", view, context)
    }

    /// `GET /agent/export.csv`: every dossier of the current filter (up to 10,000), as CSV.
    func export(_ context: RequestContext) throws -> HTTPResponse {
        var filter = QueueQuery(context.request).filter
        filter.page = 1
        filter.pageSize = 500
        var rows: [[String]] = []
        while rows.count < 10_000 {
            let page = try dossiers.queue(filter, actor: context.account, now: now())
            rows += page.dossiers.map { dossier in
                let row = row(for: dossier, names: page.names)
                return [row.reference, row.procedureTitle, row.residentName, row.commune, row.filedOn, row.dueOn, row.status, row.assignee]
            }
            guard page.page < page.pageCount else { break }
            filter.page += 1
        }
        return SpreadsheetCSV.download("demandes-\(CalendarDay(now()).iso).csv", header: Self.csvHeader, rows: rows)
    }

    /// The columns of the queue's CSV export.
    static let csvHeader = ["Référence", "Démarche", "Demandeur", "Commune", "Déposée le", "Décision tacite le", "Statut", "Attribuée à"]

    private func row(for dossier: DossierSummary, names: [Int64: String]) -> Row {
        let due = dossier.decisionDueAt
        return Row(
            reference: dossier.reference,
            path: DossierPaths.agent(dossier.id),
            procedureTitle: dossier.procedureTitle,
            residentName: names[dossier.accountId] ?? "",
            commune: catalogue.commune(insee: dossier.communeInsee)?.name ?? dossier.communeInsee,
            filedOn: dossier.filedAt.map { CalendarDay($0).french } ?? "",
            dueOn: due.map { CalendarDay($0).french } ?? "",
            overdue: due.map { $0 < now() && !dossier.status.isClosed } ?? false,
            status: dossier.status.label,
            assignee: dossier.assignedAgentId.flatMap { names[$0] } ?? "Personne"
        )
    }
}
