import PortalCore

/// One entry of the France Services journal as the pages show it.
struct JournalLine {
    let date: String
    let action: String
    let detail: String
    let adviserName: String
    let siteName: String
    /// The resident it is about, for the adviser's own journal (none for a search).
    let residentName: String?
    let residentPath: String?

    init(_ entry: AuditEntry, catalogue: Catalogue, resident: FranceServices.ResidentMatch? = nil) {
        date = TimelineLine.dateTime(entry.at)
        action = entry.action.label
        detail = entry.detail
        adviserName = entry.adviserName
        siteName = catalogue.organisation(id: entry.siteId)?.name ?? "France Services"
        residentName = resident?.displayName
        residentPath = resident.map { FranceServicesPaths.resident($0.accountId) }
    }
}
