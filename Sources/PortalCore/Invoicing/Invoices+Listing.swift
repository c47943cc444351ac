import Foundation
import GRDB

extension Invoices {
    /// How many accounts a payer search may match; beyond that the agent is asked to type more.
    public static let payerSearchLimit = 1000

    /// The invoices of the agent's régies that `filter` matches, newest first, one page, with the
    /// totals of the whole filter. Counts, totals and the page's ids are read from the
    /// `invoice_by_regie` index alone; only the page's rows are read from the table.
    public func list(_ filter: InvoiceFilter, actor: Account?, now: Date) throws -> InvoiceListPage {
        let regieIds = try listedRegies(filter, actor: actor)
        return try database.pool.read { db in
            let empty = InvoiceListPage(entries: [], total: 0, totals: .init(issuedCents: 0, paidCents: 0, remainingCents: 0),
                                        page: 1, pageCount: 1, payerSearchTooBroad: false)
            var payerIds: [Int64]?
            if let text = filter.payer {
                let ids = try Self.accountIds(matching: text, limit: Self.payerSearchLimit + 1, db)
                guard ids.count <= Self.payerSearchLimit else {
                    var tooBroad = empty
                    tooBroad.payerSearchTooBroad = true
                    return tooBroad
                }
                payerIds = ids
            }
            guard !regieIds.isEmpty, payerIds?.isEmpty != true else { return empty }
            let (conditions, arguments) = Self.listConditions(filter, regieIds: regieIds, payerIds: payerIds, today: CalendarDay(now))
            let sums = try Row.fetchOne(db, sql: "SELECT \(Self.totalsColumns) FROM invoice WHERE \(conditions)", arguments: arguments)
            let total: Int = sums?["count"] ?? 0
            let pageCount = max(1, (total + filter.pageSize - 1) / filter.pageSize)
            let page = min(filter.page, pageCount)
            let ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM invoice WHERE \(conditions) ORDER BY \(Self.listOrder) LIMIT ? OFFSET ?",
                arguments: arguments + [filter.pageSize, (page - 1) * filter.pageSize])
            let invoices = try Invoice.fetchAllWithoutLines(
                db, "WHERE id IN (\(SQLList.placeholders(ids.count))) ORDER BY \(Self.listOrder)",
                arguments: StatementArguments(ids))
            return InvoiceListPage(
                entries: try Self.entries(invoices, db),
                total: total,
                totals: .init(issuedCents: sums?["issued"] ?? 0, paidCents: sums?["paid"] ?? 0, remainingCents: sums?["remaining"] ?? 0),
                page: page, pageCount: pageCount, payerSearchTooBroad: false)
        }
    }

    /// Every invoice `filter` matches (its page aside), newest first, up to `limit`: for a CSV export.
    /// A payer search matching too many accounts gives none, as on the list.
    public func export(_ filter: InvoiceFilter, limit: Int, actor: Account?, now: Date) throws -> [InvoiceListPage.Entry] {
        let regieIds = try listedRegies(filter, actor: actor)
        return try database.pool.read { db in
            var payerIds: [Int64]?
            if let text = filter.payer {
                let ids = try Self.accountIds(matching: text, limit: Self.payerSearchLimit + 1, db)
                guard ids.count <= Self.payerSearchLimit else { return [] }
                payerIds = ids
            }
            guard !regieIds.isEmpty, payerIds?.isEmpty != true else { return [] }
            let (conditions, arguments) = Self.listConditions(filter, regieIds: regieIds, payerIds: payerIds, today: CalendarDay(now))
            let invoices = try Invoice.fetchAllWithoutLines(
                db, "WHERE \(conditions) ORDER BY \(Self.listOrder) LIMIT ?", arguments: arguments + [limit])
            return try Self.entries(invoices, db)
        }
    }

    /// The agent's régies the filter looks at: all of them, or the one it names if it is theirs.
    private func listedRegies(_ filter: InvoiceFilter, actor: Account?) throws -> [String] {
        guard let actor = actor?.acting(as: .agent) else { throw InvoiceError.notFound }
        return try regies(of: actor).map(\.id).filter { filter.regieId == nil || $0 == filter.regieId }
    }

    /// The list's order: newest first (numbers follow the order of issue).
    static let listOrder = "issuedOn DESC, id DESC"

    /// The count and sums of a filter; cancelled invoices owe nothing.
    static let totalsColumns = """
        COUNT(*) AS count, COALESCE(SUM(totalCents), 0) AS issued, COALESCE(SUM(paidCents), 0) AS paid,
        COALESCE(SUM(CASE WHEN status = '\(InvoiceStatus.cancelled.rawValue)' THEN 0 ELSE MAX(0, totalCents - paidCents) END), 0) AS remaining
        """

    /// The SQL condition and arguments of a filter over the régies `regieIds` (exposed to the index test).
    static func listConditions(_ filter: InvoiceFilter, regieIds: [String], payerIds: [Int64]?,
                               today: CalendarDay) -> (String, StatementArguments) {
        var conditions = ["regieId IN (\(SQLList.placeholders(regieIds.count)))"]
        var arguments = StatementArguments(regieIds)
        var statuses = filter.statuses.statuses
        if filter.overdueOnly {
            statuses = statuses.filter(\.isOpen)
            conditions.append("dueOn < ?")
            arguments += [today.iso]
        }
        if statuses.count < InvoiceStatus.allCases.count {
            conditions.append("status IN (\(SQLList.placeholders(statuses.count)))")
            arguments += StatementArguments(statuses.map(\.rawValue))
        }
        if let from = filter.issuedFrom {
            conditions.append("issuedOn >= ?")
            arguments += [from.iso]
        }
        if let to = filter.issuedTo {
            conditions.append("issuedOn <= ?")
            arguments += [to.iso]
        }
        if let payerIds {
            conditions.append("payerAccountId IN (\(SQLList.placeholders(payerIds.count)))")
            arguments += StatementArguments(payerIds)
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// Ids of resident accounts whose name or e-mail contains `text` (SQLite's `LIKE`: capitals
    /// or not, accents as typed), at most `limit`.
    static func accountIds(matching text: String, limit: Int, _ db: Database) throws -> [Int64] {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%\(escaped)%"
        return try Int64.fetchAll(
            db, sql: """
                SELECT id FROM account WHERE role = ? AND (displayName LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\') LIMIT ?
                """,
            arguments: [Role.resident.rawValue, pattern, pattern, limit])
    }

    /// The invoices with their payers' names and addresses.
    static func entries(_ invoices: [Invoice], _ db: Database) throws -> [InvoiceListPage.Entry] {
        let payers = try Account.contacts(Set(invoices.map(\.payerAccountId)), db)
        return invoices.map { invoice in
            let payer = payers[invoice.payerAccountId]
            return InvoiceListPage.Entry(invoice: invoice, payerName: payer?.name ?? "", payerEmail: payer?.email ?? "")
        }
    }

    /// The names of accounts (the agents in an invoice's history).
    public func names(of accountIds: Set<Int64>) throws -> [Int64: String] {
        try database.pool.read { db in try Account.contacts(accountIds, db).mapValues(\.name) }
    }
}
