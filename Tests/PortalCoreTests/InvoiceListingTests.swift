import Foundation
import GRDB
@testable import PortalCore
import Testing

/// The agents' list of invoices: their régies only, filtered, paginated, with totals over the
/// whole filter, every query served by an index.
@Suite("Invoices: the agents' list")
struct InvoiceListingTests {
    let fixture: InvoiceFixture
    /// Issued a day apart from 1 March 2026: Camille Martin ×3 then Léa Dubois ×2, 22.50 € each.
    let issued: [Invoice]

    init() throws {
        fixture = try InvoiceFixture()
        var issued: [Invoice] = []
        let agent = fixture.accounts["agent.langeais"]
        for (day, payer) in ["habitant", "habitant", "habitant", "habitante.bourgueil", "habitante.bourgueil"].enumerated() {
            issued.append(try fixture.invoices.issue(InvoiceFixture.cantineForm(payer: "\(payer)@demo.cctoval.fr"),
                                                     actor: agent, now: fixture.now.addingTimeInterval(Double(day) * 86400)))
        }
        self.issued = issued
    }

    var agent: Account? { fixture.accounts["agent.langeais"] }
    var later: Date { fixture.now.addingTimeInterval(10 * 86400) }

    func list(_ filter: InvoiceFilter, now: Date? = nil) throws -> InvoiceListPage {
        try fixture.invoices.list(filter, actor: agent, now: now ?? later)
    }

    @Test("Open invoices by default, newest first, page by page, with their payers and the totals of all pages")
    func pages() throws {
        _ = try fixture.invoices.recordCounterPayment(issued[0].id, amount: "22,50", channel: "especes", reference: "", actor: agent, now: later)
        _ = try fixture.invoices.recordCounterPayment(issued[1].id, amount: "2,50", channel: "especes", reference: "", actor: agent, now: later)
        _ = try fixture.invoices.cancel(issued[2].id, reason: "Erreur de tarif", actor: agent, now: later)

        let first = try list(InvoiceFilter(pageSize: 1))
        #expect(first.total == 3)
        #expect(first.pageCount == 3)
        #expect(first.entries.map(\.invoice.id) == [issued[4].id])
        #expect(first.entries.first?.payerName == "Léa Dubois")
        #expect(first.entries.first?.payerEmail == "habitante.bourgueil@demo.cctoval.fr")
        #expect(first.totals == .init(issuedCents: 3 * 2250, paidCents: 250, remainingCents: 3 * 2250 - 250))
        #expect(try list(InvoiceFilter(page: 3, pageSize: 1)).entries.map(\.invoice.id) == [issued[1].id])
        #expect(try list(InvoiceFilter(page: 99, pageSize: 1)).page == 3, "a page beyond the last shows the last")

        let all = try list(InvoiceFilter(statuses: .all))
        #expect(all.entries.map(\.invoice.id) == issued.reversed().map(\.id))
        // Issued: 5 × 22.50 €; paid 25 €; what remains leaves the cancelled invoice out.
        #expect(all.totals == .init(issuedCents: 5 * 2250, paidCents: 2500, remainingCents: 3 * 2250 - 250))
        #expect(try list(InvoiceFilter(statuses: .only(.paid))).entries.map(\.invoice.id) == [issued[0].id])
        #expect(try list(InvoiceFilter(statuses: .only(.cancelled))).entries.first?.invoice.cancellationReason == "Erreur de tarif")
        #expect(try fixture.invoices.export(InvoiceFilter(statuses: .all, pageSize: 1), limit: 100, actor: agent, now: later).count == 5)
        #expect(try fixture.invoices.export(InvoiceFilter(statuses: .all), limit: 2, actor: agent, now: later).count == 2)
    }

    @Test("Filters by issue dates, overdue, payer name or e-mail, and régie")
    func filters() throws {
        let day = CalendarDay(fixture.now)
        let between = try list(InvoiceFilter(issuedFrom: day.adding(days: 1), issuedTo: day.adding(days: 2)))
        #expect(between.entries.map(\.invoice.id) == [issued[2].id, issued[1].id])
        #expect(try list(InvoiceFilter(issuedFrom: day.adding(days: 4))).total == 1)

        // Due on 31 March 2026: overdue from 1 April.
        #expect(try list(InvoiceFilter(overdueOnly: true)).total == 0)
        let april = fixture.now.addingTimeInterval(31 * 86400)
        #expect(try list(InvoiceFilter(overdueOnly: true), now: april).total == 5)
        _ = try fixture.invoices.sendToCollection(issued[0].id, actor: agent, now: april)
        #expect(try list(InvoiceFilter(statuses: .all, overdueOnly: true), now: april).total == 4, "only open invoices are overdue")
        #expect(try list(InvoiceFilter(statuses: .only(.sentToCollection), overdueOnly: true), now: april).total == 0)

        #expect(try list(InvoiceFilter(payer: "dubois")).entries.map(\.invoice.id) == [issued[4].id, issued[3].id])
        #expect(try list(InvoiceFilter(payer: " HABITANT@demo ")).total == 2, "any part of the e-mail, capitals or not")
        #expect(try list(InvoiceFilter(payer: "Martin")).totals.issuedCents == 2 * 2250)
        #expect(try list(InvoiceFilter(payer: "personne")).total == 0)
        #expect(try list(InvoiceFilter(payer: "%")).total == 0, "LIKE wildcards are searched as typed")
        #expect(try list(InvoiceFilter(payer: "Julien Moreau")).total == 0, "staff accounts are never payers")

        #expect(try list(InvoiceFilter(statuses: .all, regieId: "mairie-37123")).total == 5)
        #expect(try list(InvoiceFilter(regieId: "mairie-37031")).total == 0, "another organisation's régie lists nothing")
    }

    @Test("A payer search matching too many accounts asks for more")
    func broadPayerSearch() throws {
        try fixture.database.pool.write { db in
            for index in 0...Invoices.payerSearchLimit {
                try db.execute(sql: """
                    INSERT INTO account (email, displayName, role, passwordHash, createdAt) VALUES (?, ?, 'resident', 'x', ?)
                    """, arguments: ["homonyme.\(index)@example.org", "Dominique Martin", fixture.now])
            }
        }
        let page = try list(InvoiceFilter(payer: "martin"))
        #expect(page.payerSearchTooBroad)
        #expect(page.entries.isEmpty)
        #expect(try list(InvoiceFilter(payer: "habitant@demo")).total == 3)
    }

    @Test("Each agent lists their own régies; nobody else has a list")
    func scope() throws {
        #expect(try fixture.invoices.list(InvoiceFilter(statuses: .all), actor: fixture.accounts["agent.bourgueil"], now: later).total == 0)
        #expect(try fixture.invoices.list(InvoiceFilter(regieId: "mairie-37123"), actor: fixture.accounts["agent.bourgueil"], now: later).total == 0)
        for login in ["habitant", "conseiller", "admin"] {
            #expect(throws: InvoiceError.notFound, "\(login)") {
                try fixture.invoices.list(InvoiceFilter(), actor: fixture.accounts[login], now: later)
            }
            #expect(throws: InvoiceError.notFound, "\(login)") {
                try fixture.invoices.paymentsReceived(from: CalendarDay(later), to: CalendarDay(later), channel: nil, limit: 10,
                                                      actor: fixture.accounts[login])
            }
        }
        // An organisation with two régies lists both, or one.
        try fixture.database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO regie (id, organisationId, name, payfipClientNumber, payfipMode, numberingCode)
                VALUES ('salles-37123', 'mairie-37123', 'Régie des salles de Langeais', '123456', 'T', 'SAL')
                """)
        }
        var form = InvoiceFixture.cantineForm()
        form.regieId = "salles-37123"
        let hire = try fixture.invoices.issue(form, actor: agent, now: later)
        #expect(hire.number == "F-SAL-26-000001")
        #expect(try list(InvoiceFilter()).total == 6)
        #expect(try list(InvoiceFilter(regieId: "salles-37123")).entries.map(\.invoice.id) == [hire.id])
    }

    @Test("Payments received in a period, by channel, in the order received")
    func paymentsReceived() throws {
        let march2 = fixture.now.addingTimeInterval(86400)
        _ = try fixture.invoices.recordCounterPayment(issued[0].id, amount: "10", channel: "especes", reference: "", actor: agent, now: march2)
        _ = try fixture.invoices.recordCounterPayment(issued[3].id, amount: "22,50", channel: "cheque", reference: "0012345",
                                                      actor: agent, now: march2.addingTimeInterval(600))
        _ = try fixture.invoices.recordCounterPayment(issued[0].id, amount: "12,50", channel: "cheque", reference: "0012346",
                                                      actor: agent, now: march2.addingTimeInterval(5 * 86400))
        let day = CalendarDay(march2)
        let received = try fixture.invoices.paymentsReceived(from: day, to: day, channel: nil, limit: 100, actor: agent)
        #expect(received.map(\.payment.amountCents) == [1000, 2250])
        #expect(received.map(\.payerName) == ["Camille Martin", "Léa Dubois"])
        #expect(received.map(\.invoiceNumber) == [issued[0].number, issued[3].number])
        let cheques = try fixture.invoices.paymentsReceived(from: day, to: day.adding(days: 10), channel: .cheque, limit: 100, actor: agent)
        #expect(cheques.map(\.payment.reference) == ["0012345", "0012346"])
        #expect(try fixture.invoices.paymentsReceived(from: day, to: day, channel: nil, limit: 100,
                                                      actor: fixture.accounts["agent.bourgueil"]).isEmpty)
    }

    @Test("Every list, total, reminder and accounting query is served by an index", arguments: [
        InvoiceFilter(),
        InvoiceFilter(statuses: .all),
        InvoiceFilter(statuses: .only(.paid)),
        InvoiceFilter(issuedFrom: CalendarDay(year: 2026, month: 1, day: 1), issuedTo: CalendarDay(year: 2026, month: 3, day: 31)),
        InvoiceFilter(statuses: .all, issuedFrom: CalendarDay(year: 2026, month: 1, day: 1)),
        InvoiceFilter(overdueOnly: true),
        InvoiceFilter(statuses: .all, payer: "martin"),
    ])
    func indexed(filter: InvoiceFilter) throws {
        let (conditions, arguments) = Invoices.listConditions(
            filter, regieIds: ["mairie-37123"], payerIds: filter.payer == nil ? nil : [1, 2, 3], today: CalendarDay(fixture.now))
        let plans = try fixture.database.pool.read { db in
            func plan(_ sql: String, _ arguments: StatementArguments = []) throws -> [String] {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
            }
            let listing = try plan("SELECT \(Invoices.totalsColumns) FROM invoice WHERE \(conditions)", arguments)
                + plan("SELECT id FROM invoice WHERE \(conditions) ORDER BY \(Invoices.listOrder) LIMIT 50 OFFSET 0", arguments)
            #expect(listing.allSatisfy { !$0.contains("SCAN") }, "\(listing)")
            #expect(listing.contains { $0.contains("COVERING INDEX invoice_by_regie") } || filter.payer != nil, "\(listing)")
            let today = CalendarDay(fixture.now).iso
            let before = try plan(Invoices.reminderQuery(column: "reminderBeforeSentAt", hasLowerBound: true, issuedBefore: true),
                                  [today, today, today])
            let after = try plan(Invoices.reminderQuery(column: "reminderAfterSentAt", hasLowerBound: false, issuedBefore: false), [today])
            #expect(before.first?.contains("invoice_awaiting_reminder_before") == true, "\(before)")
            #expect(after.first?.contains("invoice_awaiting_reminder_after") == true, "\(after)")
            let (received, receivedArguments) = Invoices.receivedConditions(
                regieIds: ["mairie-37123"], from: CalendarDay(fixture.now), to: CalendarDay(fixture.now), channel: .cheque)
            let payments = try plan("""
                SELECT payment.* FROM payment JOIN invoice ON invoice.id = payment.invoiceId WHERE \(received)
                ORDER BY payment.settledAt, payment.id
                """, receivedArguments)
            #expect(payments.first?.contains("payment_by_regie_settled") == true, "\(payments)")
            let reference = try plan("SELECT number FROM invoice WHERE regieId = ? AND externalReference = ?", ["x", "y"])
            return listing + before + after + payments + reference
        }
        #expect(plans.filter { $0.contains("SCAN invoice") || $0.contains("SCAN payment") }.isEmpty, "\(plans)")
    }
}
