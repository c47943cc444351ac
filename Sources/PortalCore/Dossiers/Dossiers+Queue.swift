import Foundation
import GRDB

extension Dossiers {
    /// The queue of the agent's own organisations: filtered, ordered, paginated, with counts, the
    /// names on the page and the procedures one may filter by, read in one transaction.
    /// Each query is served by one of the `dossier_by_*` indexes.
    public func queue(_ filter: QueueFilter, actor: Account?, now: Date) throws -> QueuePage {
        guard let actor = actor?.acting(as: .agent) else { throw DossierError.notFound }
        let organisations = actor.organisationIds
        let (whereClause, arguments) = Self.queueConditions(filter, organisations: organisations, agent: actor.id, now: now)
        let order = Self.queueOrder(filter.order)
        return try database.pool.read { db in
            // Counts by status come from the table the triggers keep (see `createDossierStatusCounts`).
            var counts: [DossierStatus: Int] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT status, SUM(count) AS count FROM dossier_status_count
                    WHERE organisationId IN (\(SQLList.placeholders(organisations.count))) AND count > 0 GROUP BY status
                    """),
                arguments: StatementArguments(organisations)) {
                if let status = DossierStatus(rawValue: row["status"]) { counts[status] = row["count"] }
            }
            // Filtered by status alone (or the open ones), the total is a sum of those counts;
            // counting the matching index entries took 8 ms for the waste service's 75,000 accepted dossiers.
            let total: Int
            if let statuses = Self.statusesOnly(filter) {
                total = statuses.reduce(0) { $0 + (counts[$1] ?? 0) }
            } else {
                total = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM dossier WHERE \(whereClause)"), arguments: arguments) ?? 0
            }
            let pageCount = max(1, (total + filter.pageSize - 1) / filter.pageSize)
            let page = min(filter.page, pageCount)
            // The page's ids come from the index alone; only its rows are then read from the table
            // (sorting the full rows of a mairie's 1,100 open dossiers read them all from disk).
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT \(DossierSummary.columns) FROM dossier
                    WHERE id IN (SELECT id FROM dossier WHERE \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?)
                    ORDER BY \(order)
                    """),
                arguments: arguments + [filter.pageSize, (page - 1) * filter.pageSize])
            let dossiers = try rows.map(DossierSummary.init(row:))
            let people = Set(dossiers.flatMap { [$0.accountId] + ($0.assignedAgentId.map { [$0] } ?? []) })
            return QueuePage(dossiers: dossiers, total: total, countsByStatus: counts, page: page, pageCount: pageCount,
                             names: try Account.contacts(people, db).mapValues(\.name),
                             procedureSlugs: try FormStore.procedureSlugs(db))
        }
    }

    /// The SQL order of a queue order (exposed to the index test).
    static func queueOrder(_ order: QueueFilter.Order) -> String {
        switch order {
        case .oldestFirst: "filedAt ASC, id ASC"
        case .newestFirst: "filedAt DESC, id DESC"
        case .dueFirst: "decisionDueAt ASC, id ASC"
        }
    }

    /// The statuses a filter asks for, when it filters on nothing else.
    static func statusesOnly(_ filter: QueueFilter) -> [DossierStatus]? {
        guard filter.procedureSlug == nil, filter.communeInsee == nil, filter.assignment == .anyone, !filter.overdueOnly else {
            return nil
        }
        return filter.status.map { [$0] } ?? openStatuses
    }

    /// The statuses of the default queue: filed and not closed.
    static let openStatuses = DossierStatus.allCases.filter { !$0.isClosed && $0 != .draft }

    /// The SQL condition and arguments of a queue filter (exposed to the index test).
    static func queueConditions(_ filter: QueueFilter, organisations: [String], agent: Int64, now: Date) -> (String, StatementArguments) {
        // One organisation (most agents) keeps the equality the `dossier_by_*` indexes order by: an
        // `IN` list, even of one value, cost a third of the filtered queue's throughput (benchmarks.md).
        var conditions = [organisations.count == 1 ? "organisationId = ?" : "organisationId IN (\(SQLList.placeholders(organisations.count)))"]
        var arguments = StatementArguments(organisations)
        if let status = filter.status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        } else {
            conditions.append("status IN (\(SQLList.placeholders(openStatuses.count)))")
            arguments += StatementArguments(openStatuses.map(\.rawValue))
        }
        if let slug = filter.procedureSlug {
            conditions.append("procedureSlug = ?")
            arguments += [slug]
        }
        if let commune = filter.communeInsee {
            conditions.append("communeInsee = ?")
            arguments += [commune]
        }
        switch filter.assignment {
        case .anyone: break
        case .me:
            conditions.append("assignedAgentId = ?")
            arguments += [agent]
        case .unassigned:
            conditions.append("assignedAgentId IS NULL")
        }
        if filter.overdueOnly {
            conditions.append("decisionDueAt < ?")
            arguments += [now]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// Assigns a filed dossier to a colleague of the same organisation (or to nobody).
    public func assign(_ dossierId: Int64, to agentId: Int64?, actor: Account?, now: Date) throws -> Dossier {
        guard let actor = actor?.acting(as: .agent) else { throw DossierError.notFound }
        return try database.pool.write { db in
            let dossier = try Self.visible(id: dossierId, to: actor, now: now, db)
            if let agentId {
                // A colleague is an agent of the dossier's organisation.
                let colleague = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM account JOIN account_organisation ON accountId = account.id
                                   WHERE account.id = ? AND \(Role.processingDossiersSQL) AND account_organisation.organisationId = ?)
                    """, arguments: [agentId, dossier.organisationId]) ?? false
                guard colleague else { throw DossierError.notFound }
            }
            try db.execute(sql: "UPDATE dossier SET assignedAgentId = ?, updatedAt = ? WHERE id = ?", arguments: [agentId, now, dossier.id])
            try DossierEvent.record(.assigned, dossierId: dossier.id, at: now, actor: actor.id, isInternal: true, db)
            return try Dossier.fetch(id: dossier.id, db)!
        }
    }
}
