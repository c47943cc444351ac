import Foundation
import GRDB
@testable import PortalCore
import Testing

/// The agent's queue: only their organisation, filtered, ordered, paginated, counted, indexed.
@Suite("Dossiers: the agent queue")
struct DossierQueueTests {
    let flow: DossierFlowTests
    let filed: [Dossier]

    init() throws {
        flow = try DossierFlowTests()
        var filed: [Dossier] = []
        for minute in 0..<7 {
            filed.append(try flow.filedCantineDossier(at: flow.now.addingTimeInterval(Double(minute) * 60)))
        }
        self.filed = filed
    }

    var agent: Account? { flow.accounts["agent.langeais"] }

    @Test("The queue lists the organisation's open dossiers, oldest first, page by page, with counts")
    func pages() throws {
        let dossiers = flow.dossiers
        _ = try dossiers.perform(.takeInCharge, on: filed[0].id, actor: agent, now: flow.now.addingTimeInterval(3600))
        _ = try dossiers.perform(.accept, on: filed[0].id, actor: agent, now: flow.now.addingTimeInterval(3600))
        let first = try dossiers.queue(QueueFilter(pageSize: 4), actor: agent, now: flow.now)
        #expect(first.total == 6)
        #expect(first.pageCount == 2)
        #expect(first.dossiers.map(\.id) == filed[1...4].map(\.id))
        let second = try dossiers.queue(QueueFilter(page: 2, pageSize: 4), actor: agent, now: flow.now)
        #expect(second.dossiers.map(\.id) == filed[5...6].map(\.id))
        #expect(first.countsByStatus == [.filed: 6, .accepted: 1])
        let newest = try dossiers.queue(QueueFilter(order: .newestFirst, pageSize: 1), actor: agent, now: flow.now)
        #expect(newest.dossiers.first?.id == filed[6].id)
        let accepted = try dossiers.queue(QueueFilter(status: .accepted), actor: agent, now: flow.now)
        #expect(accepted.dossiers.map(\.id) == [filed[0].id])
    }

    @Test("Filters by assignment and overdue")
    func filters() throws {
        let dossiers = flow.dossiers
        _ = try dossiers.perform(.takeInCharge, on: filed[2].id, actor: agent, now: flow.now)
        #expect(try dossiers.queue(QueueFilter(assignment: .me), actor: agent, now: flow.now).dossiers.map(\.id) == [filed[2].id])
        #expect(try dossiers.queue(QueueFilter(assignment: .unassigned), actor: agent, now: flow.now).total == 6)
        let threeMonthsLater = flow.now.addingTimeInterval(92 * 24 * 3600)
        #expect(try dossiers.queue(QueueFilter(overdueOnly: true), actor: agent, now: flow.now).total == 0)
        #expect(try dossiers.queue(QueueFilter(overdueOnly: true), actor: agent, now: threeMonthsLater).total == 7)
        #expect(try dossiers.queue(QueueFilter(procedureSlug: "passeport"), actor: agent, now: flow.now).total == 0)
    }

    @Test("An agent of two mairies sees both queues in one, and assigns each dossier within its own mairie")
    func twoMairies() throws {
        let accounts = Accounts(database: flow.dossiers.database, hasher: TestSupport.hasher)
        let issued = try accounts.invite(StaffInvitation(email: "secretariat@example.fr", name: "Anne Morel", role: .agent,
                                                         organisationIds: ["mairie-37123", "mairie-37031"]),
                                         by: flow.accounts["admin"], links: TestLinks(), now: flow.now)
        let (secretary, _) = try accounts.activate(link: issued.token, password: "deux mairies pour une", now: flow.now)
        let resident = flow.accounts["habitante.bourgueil"]
        let draft = try flow.dossiers.startDraft(procedureSlug: "inscription-cantine", actor: resident, now: flow.now)
        _ = try flow.dossiers.answer(page: "enfant", of: draft.id, input: FormInput(["prenom": ["Zoé"], "allergie": ["non"]]),
                                     validator: flow.validator, actor: resident, now: flow.now)
        let bourgueil = try flow.dossiers.submit(draft.id, actor: resident, now: flow.now.addingTimeInterval(60))
        #expect(bourgueil.organisationId == "mairie-37031")

        let queue = try flow.dossiers.queue(QueueFilter(pageSize: 20), actor: secretary, now: flow.now)
        #expect(queue.total == 8)
        #expect(queue.countsByStatus == [.filed: 8])
        #expect(Set(queue.dossiers.map(\.id)) == Set(filed.map(\.id) + [bourgueil.id]))
        #expect(try flow.dossiers.queue(QueueFilter(), actor: agent, now: flow.now).total == 7, "Langeais alone sees its own")
        #expect(try flow.dossiers.dossier(id: bourgueil.id, actor: secretary, now: flow.now).id == bourgueil.id)

        let colleagues = try flow.dossiers.colleagues(in: "mairie-37031", of: secretary).map(\.email)
        #expect(colleagues.contains("agent.bourgueil@demo.cctoval.fr") && colleagues.contains("secretariat@example.fr"))
        #expect(!colleagues.contains("agent.langeais@demo.cctoval.fr"))
        _ = try flow.dossiers.assign(bourgueil.id, to: flow.accounts["agent.bourgueil"]?.id, actor: secretary, now: flow.now)
        #expect(throws: DossierError.notFound, "an agent of Langeais only is no colleague for Bourgueil's dossier") {
            try flow.dossiers.assign(bourgueil.id, to: flow.accounts["agent.langeais"]?.id, actor: secretary, now: flow.now)
        }
        #expect(throws: DossierError.notFound) { try flow.dossiers.colleagues(in: "mairie-37036", of: secretary) }
    }

    @Test("Another organisation's agent sees an empty queue and cannot assign; residents have no queue")
    func otherOrganisation() throws {
        let other = flow.accounts["agent.bourgueil"]
        #expect(try flow.dossiers.queue(QueueFilter(), actor: other, now: flow.now).total == 0)
        #expect(throws: DossierError.notFound) { try flow.dossiers.assign(filed[0].id, to: other?.id, actor: other, now: flow.now) }
        #expect(throws: DossierError.notFound) { try flow.dossiers.queue(QueueFilter(), actor: flow.accounts["habitant"], now: flow.now) }
        // Nor can a dossier be assigned to an agent of another organisation.
        #expect(throws: DossierError.notFound) { try flow.dossiers.assign(filed[0].id, to: other?.id, actor: agent, now: flow.now) }
        let assigned = try flow.dossiers.assign(filed[0].id, to: agent?.id, actor: agent, now: flow.now)
        #expect(assigned.assignedAgentId == agent?.id)
    }

    @Test("Every queue and dashboard query is served by the index made for it, a page's ids by the index alone", arguments: [
        (QueueFilter(), "dossier_by_organisation"),
        (QueueFilter(status: .filed), "dossier_by_organisation"),
        (QueueFilter(assignment: .me), "dossier_by_assignee"),
        (QueueFilter(assignment: .unassigned, order: .newestFirst), "dossier_by_assignee"),
        (QueueFilter(order: .dueFirst), "dossier_by_due_date"),
        (QueueFilter(overdueOnly: true, order: .dueFirst), "dossier_by_due_date"),
        (QueueFilter(communeInsee: "37123"), "dossier_by_commune"),
        (QueueFilter(procedureSlug: "inscription-cantine"), "dossier_by_procedure"),
        (QueueFilter(procedureSlug: "inscription-cantine", communeInsee: "37123"), "dossier_by_"),
    ])
    func indexed(filter: QueueFilter, index: String) throws {
        let (conditions, arguments) = Dossiers.queueConditions(filter, organisations: ["mairie-37123"], agent: 1, now: flow.now)
        let order = Dossiers.queueOrder(filter.order)
        // The plan's text is its `detail` column (the first one is a node number).
        let plans = try flow.dossiers.database.pool.read { db in
            func plan(_ sql: String, _ arguments: StatementArguments) throws -> [String] {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
            }
            return try plan("SELECT id FROM dossier WHERE \(conditions) ORDER BY \(order)", arguments)
                + plan("SELECT COUNT(*) FROM dossier WHERE \(conditions)", arguments)
                + plan("SELECT status, count FROM dossier_status_count WHERE organisationId = ? AND count > 0", ["x"])
                + plan("""
                    SELECT * FROM dossier WHERE accountId = ? AND (draftExpiresAt IS NULL OR draftExpiresAt > ?)
                    ORDER BY updatedAt DESC
                    """, [1, flow.now])
        }
        #expect(plans.first?.contains(index) == true, "\(plans)")
        if index != "dossier_by_" {
            #expect(plans.first?.contains("COVERING INDEX") == true, "\(plans)")
        }
        let scans = plans.filter { $0.contains("SCAN dossier") && !$0.contains("USING") }
        #expect(scans.isEmpty, "\(plans)")
    }
}
