/// What an agent asks of their organisation's queue.
public struct QueueFilter: Sendable, Hashable {
    public enum Assignment: String, Sendable, Hashable, CaseIterable {
        case anyone, me, unassigned
    }

    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// Oldest filing first: the default, first come first served.
        case oldestFirst = "anciens"
        case newestFirst = "recents"
        /// Nearest decision date first.
        case dueFirst = "echeance"
    }

    /// Nil: every status but drafts and closed dossiers.
    public var status: DossierStatus?
    public var procedureSlug: String?
    public var communeInsee: String?
    public var assignment: Assignment
    /// Only open dossiers past their decision date.
    public var overdueOnly: Bool
    public var order: Order
    /// From 1.
    public var page: Int
    public var pageSize: Int

    public init(
        status: DossierStatus? = nil, procedureSlug: String? = nil, communeInsee: String? = nil,
        assignment: Assignment = .anyone, overdueOnly: Bool = false, order: Order = .oldestFirst,
        page: Int = 1, pageSize: Int = 50
    ) {
        self.status = status
        self.procedureSlug = procedureSlug
        self.communeInsee = communeInsee
        self.assignment = assignment
        self.overdueOnly = overdueOnly
        self.order = order
        self.page = max(1, page)
        self.pageSize = min(max(1, pageSize), 500)
    }
}

/// One page of an organisation's queue, with counts.
public struct QueuePage: Sendable, Hashable {
    public var dossiers: [DossierSummary]
    /// Dossiers matching the filter, all pages together.
    public var total: Int
    /// Every filed dossier of the organisation by status, whatever the filter.
    public var countsByStatus: [DossierStatus: Int]
    public var page: Int
    public var pageCount: Int
    /// The names of the residents and assigned agents of the page's dossiers, by account id.
    public var names: [Int64: String]
    /// The procedures with an online form, which the queue may be filtered by.
    public var procedureSlugs: Set<String>
}
