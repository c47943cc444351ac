import Foundation
import GRDB
import PortalCore
import Testing

/// Payers are reminded once before the due date and once after, of open invoices only.
@Suite("Invoices: reminders before and after the due date")
struct InvoiceReminderTests {
    let fixture: InvoiceFixture
    let policy = ReminderPolicy(daysBefore: 5, daysAfter: 10)

    init() throws {
        fixture = try InvoiceFixture()
    }

    var agent: Account? { fixture.accounts["agent.langeais"] }

    /// `day` of March 2026 (or later: 32 is 1 April) at 9:00 in France.
    func march(_ day: Int) -> Date { fixture.now.addingTimeInterval(Double(day - 1) * 86400 - 2 * 3600) }

    func mails(_ subjectPrefix: String) throws -> [MailMessage] {
        try fixture.outbox.due(now: march(60), limit: 1000).map(\.message).filter { $0.subject.hasPrefix(subjectPrefix) }
    }

    @Test("Each open invoice is reminded once before, once after, with the recipient in its history")
    func onceEach() throws {
        let invoice = try fixture.issuedInvoice()  // due 31 March 2026
        #expect(try fixture.invoices.sendReminders(now: march(25), policy: policy) == ReminderReport(before: 0, after: 0))
        #expect(try fixture.invoices.sendReminders(now: march(26), policy: policy) == ReminderReport(before: 1, after: 0))
        #expect(try fixture.invoices.sendReminders(now: march(27), policy: policy) == ReminderReport(before: 0, after: 0))
        let before = try #require(try mails("Rappel").first)
        #expect(before.recipient == "habitant@demo.cctoval.fr")
        #expect(before.subject == "Rappel : facture \(invoice.number) à payer avant le 31 mars 2026")
        #expect(before.textBody.contains("Il reste 22,50\u{202F}€ à payer."))

        #expect(try fixture.invoices.sendReminders(now: march(40), policy: policy) == ReminderReport(before: 0, after: 0))
        #expect(try fixture.invoices.sendReminders(now: march(41), policy: policy) == ReminderReport(before: 0, after: 1))
        #expect(try fixture.invoices.sendReminders(now: march(50), policy: policy) == ReminderReport(before: 0, after: 0))
        #expect(try mails("Facture \(invoice.number) non payée").count == 1)

        let detail = try fixture.invoices.detail(invoice.id, actor: agent)
        #expect(detail.invoice.reminderBeforeSentAt == march(26))
        #expect(detail.invoice.reminderAfterSentAt == march(41))
        let reminders = detail.events.filter { $0.kind == .reminderBefore || $0.kind == .reminderAfter }
        #expect(reminders.map(\.kind) == [.reminderBefore, .reminderAfter])
        #expect(reminders.allSatisfy { $0.text == "Envoyé à habitant@demo.cctoval.fr" })
    }

    @Test("Paid, cancelled and collected invoices are not reminded; one issued today waits for tomorrow")
    func onlyOpenInvoices() throws {
        let paid = try fixture.issuedInvoice(), cancelled = try fixture.issuedInvoice(), collected = try fixture.issuedInvoice()
        let partly = try fixture.issuedInvoice()
        _ = try fixture.invoices.recordCounterPayment(paid.id, amount: "22,50", channel: "especes", reference: "", actor: agent, now: fixture.now)
        _ = try fixture.invoices.recordCounterPayment(partly.id, amount: "2,50", channel: "especes", reference: "", actor: agent, now: fixture.now)
        _ = try fixture.invoices.cancel(cancelled.id, reason: "Doublon", actor: agent, now: fixture.now)
        _ = try fixture.invoices.sendToCollection(collected.id, actor: agent, now: fixture.now)
        #expect(try fixture.invoices.sendReminders(now: march(28), policy: policy) == ReminderReport(before: 1, after: 0))
        #expect(try mails("Rappel").first?.subject.contains(partly.number) == true)
        #expect(try mails("Rappel").first?.textBody.contains("Il reste 20,00\u{202F}€ à payer.") == true)

        // Issued on 28 March, due on 30 March: told of it today, reminded tomorrow.
        let late = try fixture.invoices.issue(InvoiceFixture.cantineForm(dueOn: "30/03/2026"), actor: agent, now: march(28))
        #expect(try fixture.invoices.sendReminders(now: march(28).addingTimeInterval(3600), policy: policy).before == 0)
        #expect(try fixture.invoices.sendReminders(now: march(29), policy: policy).before == 1)
        #expect(try fixture.invoices.detail(late.id, actor: agent).invoice.reminderBeforeSentAt == march(29))
        #expect(try fixture.invoices.sendReminders(now: march(45), policy: policy).after == 2)
    }

    @Test("Hundreds of invoices are reminded in batches, each once")
    func batches() throws {
        for _ in 0..<230 { _ = try fixture.issuedInvoice() }
        #expect(try fixture.invoices.sendReminders(now: march(27), policy: policy).before == 230)
        #expect(try fixture.invoices.sendReminders(now: march(27), policy: policy).before == 0)
        let events = try fixture.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice_event WHERE kind = 'rappel_avant'")
        }
        #expect(events == 230)
        #expect(try mails("Rappel").count == 230)
    }
}
