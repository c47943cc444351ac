import PortalCore

/// A procedure in a list: title, one-line summary, link, and whether the chosen commune offers it.
struct ProcedureLink {
    let title: String
    let summary: String
    let path: String
    let notOffered: Bool
    let note: String?

    init(_ summary: ProcedureSummary) {
        title = summary.title
        self.summary = summary.summary
        path = CataloguePaths.procedure(summary.slug)
        notOffered = !summary.isOffered
        note = summary.note
    }
}
