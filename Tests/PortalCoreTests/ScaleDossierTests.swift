import Foundation
import GRDB
@testable import PortalCore
import Testing

/// The dossiers of the load data set, at a hundredth of the full territory: 300 residents,
/// 3,000 dossiers, on the real reference data and forms.
@Suite("Scale data: dossiers")
struct ScaleDossierTests {
    let database: PortalDatabase
    let catalogue: Catalogue
    let report: ScaleData.Report
    let now = TestSupport.now

    init() throws {
        database = try TestSupport.database(seed: TestSupport.realSeed)
        _ = try DemoData.install(into: database, hasher: TestSupport.hasher)
        catalogue = try Catalogue(database: database)
        try FormSeed.publish(from: TestSupport.realSeed.appendingPathComponent("forms"), catalogue: catalogue,
                             store: FormStore(database: database), now: now)
        report = try ScaleData.install(into: database, residents: 300, dossiers: 3000, hasher: TestSupport.hasher, now: now)
    }

    func allDossiers() throws -> [Dossier] {
        try database.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM dossier ORDER BY id").compactMap { try Dossier.fetch(id: $0, db) }
        }
    }

    func agent(_ login: String) throws -> Account? {
        let result = try Accounts(database: database, hasher: TestSupport.hasher).logIn(
            email: "\(login)@demo.cctoval.fr", password: DemoData.password, remoteAddress: "192.0.2.9", now: now)
        guard case .success(let account, _) = result else { return nil }
        return account
    }

    @Test("3,000 dossiers over the residents, about one in ten without any, with unique references")
    func counts() throws {
        #expect(report.created == 300)
        #expect(report.dossiers.created == 3000)
        #expect(report.dossiers.total == 3000)
        #expect(report.dossiers.perStatus.values.reduce(0, +) == 3000)
        let dossiers = try allDossiers()
        #expect(dossiers.count == 3000)
        #expect(Set(dossiers.map(\.reference)).count == 3000)
        #expect(dossiers.allSatisfy { DossierReference.normalise($0.reference) == $0.reference })
        let perResident = Dictionary(grouping: dossiers, by: \.accountId).mapValues(\.count)
        #expect(perResident.count == 270) // every tenth resident has none
        #expect(perResident.values.max()! <= 25)
        // Answers are small and read back.
        #expect(dossiers.contains { !$0.answers.values.isEmpty })
        #expect(try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT MAX(LENGTH(answers)) FROM dossier") }! < 200)
    }

    @Test("Every filed dossier is routed to the organisation handling its procedure in its commune, with its silence date")
    func routing() throws {
        let forms = try FormStore(database: database).procedureSlugs()
        for dossier in try allDossiers() {
            #expect(forms.contains(dossier.procedureSlug))
            let procedure = try #require(catalogue.procedure(slug: dossier.procedureSlug))
            guard case .organisation(let organisation, _, _) = catalogue.handler(for: procedure, commune: dossier.communeInsee) else {
                Issue.record("\(dossier.reference): \(dossier.procedureSlug) is not offered in \(dossier.communeInsee)")
                continue
            }
            if dossier.status == .draft {
                #expect(dossier.organisationId == nil && dossier.filedAt == nil && dossier.decisionDueAt == nil)
                #expect(dossier.draftExpiresAt.map { $0 > now } == true)
            } else {
                #expect(dossier.organisationId == organisation.id)
                let filedAt = try #require(dossier.filedAt)
                let due = try #require(dossier.decisionDueAt)
                #expect(abs(due.timeIntervalSince(procedure.silence.decisionDate(filedAt: filedAt))) < 0.002)
                #expect(dossier.draftExpiresAt == nil)
            }
        }
    }

    @Test("Statuses: mostly closed over three years, the open ones mostly recent, a few drafts; timelines of 2 or 3 events")
    func statuses() throws {
        let perStatus = report.dossiers.perStatus
        let closed = perStatus.filter(\.key.isClosed).values.reduce(0, +)
        #expect(closed > 2400 && closed < 2900)
        #expect(Set(perStatus.keys) == Set(DossierStatus.allCases))
        #expect((perStatus[.draft] ?? 0) < 100)
        #expect((perStatus[.accepted] ?? 0) > (perStatus[.refused] ?? 0))
        let threeYears: TimeInterval = 3 * 365 * 24 * 3600
        let dossiers = try allDossiers()
        for dossier in dossiers {
            if let filedAt = dossier.filedAt {
                #expect(filedAt <= now && filedAt >= now.addingTimeInterval(-threeYears))
                #expect(dossier.createdAt < filedAt && dossier.updatedAt >= filedAt && dossier.updatedAt <= now)
            }
        }
        let open = dossiers.filter { !$0.status.isClosed && $0.status != .draft }
        let recent = open.filter { $0.filedAt! > now.addingTimeInterval(-75 * 24 * 3600) }
        #expect(Double(recent.count) > 0.7 * Double(open.count))

        let events = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT dossierId, COUNT(*) AS n, MIN(kind = 'started') AS s FROM dossier_event GROUP BY dossierId")
        }
        let eventCounts = Dictionary(uniqueKeysWithValues: events.map { ($0["dossierId"] as Int64, $0["n"] as Int) })
        for dossier in dossiers {
            let expected = switch dossier.status {
            case .draft: 1
            case .filed: 2
            default: 3
            }
            #expect(eventCounts[dossier.id] == expected, "\(dossier.status)")
        }
        // Those awaiting documents have the document asked for, on the resident's to-do list.
        let awaiting = dossiers.filter { $0.status == .awaitingDocuments }
        let requests = try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document_request WHERE status = 'requested'") }
        #expect(requests == awaiting.count)
    }

    @Test("A second run adds nothing")
    func idempotent() throws {
        let again = try ScaleData.install(into: database, residents: 300, dossiers: 3000, hasher: TestSupport.hasher, now: now)
        #expect(again.created == 0)
        #expect(again.dossiers.created == 0)
        #expect(again.dossiers.total == 3000)
        #expect(try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier") } == 3000)
    }

    @Test("The demo agents see their organisation's queue, counted like the dossiers themselves")
    func agentQueues() throws {
        let dossiers = try Dossiers(database: database, catalogue: catalogue, links: TestLinks())
        for login in ["agent.langeais", "agent.dechets"] {
            let agent = try #require(try agent(login))
            let queue = try dossiers.queue(QueueFilter(), actor: agent, now: now)
            #expect(queue.total > 0)
            let grouped = try database.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM dossier WHERE organisationId = ? GROUP BY status",
                                 arguments: [agent.organisationId])
            }
            let expected = Dictionary(uniqueKeysWithValues: grouped.map { (DossierStatus(rawValue: $0["status"])!, $0["n"] as Int) })
            #expect(queue.countsByStatus == expected)
            #expect(queue.total == Dossiers.openStatuses.reduce(0) { $0 + (expected[$1] ?? 0) })
            let accepted = try dossiers.queue(QueueFilter(status: .accepted, page: 3, pageSize: 20), actor: agent, now: now)
            #expect(accepted.total == expected[.accepted])
            #expect(accepted.dossiers.allSatisfy { $0.status == .accepted && $0.organisationId == agent.organisationId })
            // A filter beyond statuses is counted on the rows.
            let inLangeais = try dossiers.queue(QueueFilter(status: .accepted, communeInsee: "37123"), actor: agent, now: now)
            #expect(inLangeais.total == inLangeais.dossiers.count || inLangeais.total > 50)
        }
        // A seeded resident's dashboard reads back their dossiers.
        let residentId = try #require(try database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE email = ?", arguments: [ScaleData.email(resident: 1)])
        })
        let resident = try #require(try Accounts(database: database, hasher: TestSupport.hasher).account(id: residentId))
        #expect(try dossiers.dossiers(of: resident, now: now).count > 0)
    }

    @Test("At this scale the queue, counts and dashboard queries use an index", arguments: [
        QueueFilter(),
        QueueFilter(status: .accepted, page: 20),
        QueueFilter(order: .newestFirst),
        QueueFilter(assignment: .unassigned),
        QueueFilter(overdueOnly: true, order: .dueFirst),
        QueueFilter(procedureSlug: "badge-decheterie", communeInsee: "37123"),
    ])
    func indexed(filter: QueueFilter) throws {
        let (conditions, arguments) = Dossiers.queueConditions(filter, organisations: ["cctoval-dechets"], agent: 1, now: now)
        let details = try database.pool.read { db in
            func plan(_ sql: String, _ arguments: StatementArguments) throws -> [String] {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
            }
            return try plan("SELECT COUNT(*) FROM dossier WHERE \(conditions)", arguments)
                + plan("SELECT * FROM dossier WHERE \(conditions) ORDER BY filedAt ASC, id ASC LIMIT 50 OFFSET 950", arguments)
                + plan("SELECT status, count FROM dossier_status_count WHERE organisationId = ? AND count > 0", ["cctoval-dechets"])
                + plan("""
                    SELECT * FROM dossier WHERE accountId = ? AND (draftExpiresAt IS NULL OR draftExpiresAt > ?)
                    ORDER BY updatedAt DESC
                    """, [1, now])
                + plan("""
                    SELECT document_request.id AS requestId FROM document_request JOIN dossier ON dossier.id = document_request.dossierId
                    WHERE dossier.accountId = ? AND document_request.status = ? ORDER BY document_request.dueOn
                    """, [1, "requested"])
        }
        #expect(details.count >= 5)
        let scans = details.filter { $0.hasPrefix("SCAN") && !$0.contains("USING") }
        #expect(scans.isEmpty, "\(details)")
    }

    @Test("Dates are written as GRDB writes them")
    func storageText() throws {
        for seconds in [0.0, 1_772_359_200.123, 1_700_000_000.9996, 951_782_400.5, -86_400.25, 4_102_444_799.999] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ScaleData.storageText(date) == String.fromDatabaseValue(date.databaseValue), "\(seconds)")
        }
    }
}

@Suite("Scale data: invoices")
struct ScaleInvoiceTests {
    @Test("Seeded invoices are numbered per régie and year without gaps, in every status; a new invoice follows on")
    func invoices() throws {
        let fixture = try InvoiceFixture()
        _ = try ScaleData.install(into: fixture.database, residents: 200, dossiers: 0, hasher: TestSupport.hasher, now: fixture.now)
        let report = try ScaleData.installInvoices(into: fixture.database, count: 5000, now: fixture.now)
        #expect(report == ScaleData.InvoiceReport(created: 5000, total: 5000))
        #expect(try ScaleData.installInvoices(into: fixture.database, count: 5000, now: fixture.now).created == 0)
        let (numbers, statuses, unbalanced) = try fixture.database.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT number FROM invoice"),
             Set(try String.fetchAll(db, sql: "SELECT DISTINCT status FROM invoice")),
             try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM invoice WHERE paidCents != (SELECT COALESCE(SUM(amountCents), 0) FROM payment
                WHERE payment.invoiceId = invoice.id AND payment.status = 'payee')
                """))
        }
        #expect(Set(numbers).count == 5000)
        var byPrefix: [String: [Int]] = [:]
        for number in numbers {
            byPrefix[String(number.dropLast(7)), default: []].append(Int(number.suffix(6))!)
        }
        for (prefix, values) in byPrefix {
            #expect(values.sorted() == Array(1...values.count), "\(prefix)")
        }
        #expect(statuses == Set(InvoiceStatus.allCases.map(\.rawValue)))
        #expect(unbalanced == 0, "what is paid is what the payments add up to")
        let next = try fixture.issuedInvoice()
        let seededThatYear = try #require(byPrefix[String(next.number.dropLast(7))], "the seed issued invoices in the same régie and year")
        #expect(Int(next.number.suffix(6)) == seededThatYear.count + 1)
    }
}
