import PortalCore

/// Where the agents' queue and its export live, for a filter.
enum QueuePaths {
    /// The queue of dossiers with `status`.
    static func status(_ status: String) -> String { Space.agent.path + "?statut=" + status }
    /// The queue for the query string `query` (see ``QueueQuery/queryString(page:)``).
    static func queue(_ query: String) -> String { Space.agent.path + "?" + query }
    /// The CSV export of the queue for the query string `query`.
    static func export(_ query: String) -> String { Space.agent.path + "/export.csv?" + query }
}
