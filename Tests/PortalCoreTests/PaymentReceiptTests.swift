import Foundation
import PortalCore
import Testing

@Suite("A receipt states what remained once its payment was received, whatever came after")
struct PaymentReceiptTests {
    let fixture: InvoiceFixture
    var agent: Account? { fixture.accounts["agent.langeais"] }
    var resident: Account? { fixture.accounts["habitant"] }

    init() throws {
        fixture = try InvoiceFixture()
    }

    func receipts() throws -> [MailMessage] {
        try fixture.outbox.due(now: fixture.now.addingTimeInterval(86400)).map(\.message).filter { $0.subject.hasPrefix("Reçu") }
    }

    @Test("Two partial payments: the first receipt keeps what remained after it once the second pays the invoice off")
    func twoPartialPayments() throws {
        let invoice = try fixture.issuedInvoice()
        let first = try fixture.invoices.recordCounterPayment(invoice.id, amount: "10", channel: "especes", reference: "",
                                                              actor: agent, now: fixture.now)
        let firstBefore = try #require(try fixture.invoices.detail(invoice.id, actor: resident).receipt(for: first.id))
        #expect(firstBefore.invoiceNumber == invoice.number)
        #expect(firstBefore.invoiceObject == "Restauration scolaire – février 2026")
        #expect(firstBefore.invoiceTotalCents == 2250)
        #expect(firstBefore.paidSoFarCents == 1000)
        #expect(firstBefore.remainingCents == 1250)
        #expect(!firstBefore.isFullyPaid)

        let second = try fixture.invoices.recordCounterPayment(invoice.id, amount: "12,50", channel: "cheque", reference: "1234567",
                                                               actor: agent, now: fixture.now.addingTimeInterval(3600))
        for actor in [resident, agent] {
            let detail = try fixture.invoices.detail(invoice.id, actor: actor)
            #expect(detail.invoice.remainingCents == 0)
            #expect(detail.receipt(for: first.id) == firstBefore, "the first receipt has not changed its mind")
            let last = try #require(detail.receipt(for: second.id))
            #expect(last.paidSoFarCents == 2250)
            #expect(last.remainingCents == 0)
            #expect(last.isFullyPaid)
        }
        let mails = try receipts()
        #expect(mails.count == 2)
        #expect(mails[0].textBody.contains("Il reste 12,50\u{202F}€ à payer."))
        #expect(mails[1].textBody.contains("La facture est entièrement payée."))
    }

    @Test("Payments count in the order received: an online payment started first but received after a counter payment")
    func receptionOrder() throws {
        let invoice = try fixture.issuedInvoice()
        let harness = try SimulatorHarness(database: fixture.database, now: fixture.now.addingTimeInterval(3600))
        let online = try fixture.invoices.startOnlinePayment(invoice.id, actor: resident, provider: harness.simulator,
                                                             returnURLs: SimulatorHarness.returnURLs, now: harness.now)
        let counter = try fixture.invoices.recordCounterPayment(invoice.id, amount: "10", channel: "especes", reference: "",
                                                                actor: agent, now: harness.now.addingTimeInterval(30))
        harness.advance(by: 60)
        _ = try harness.finish(online.operationId, choice: .pay)
        let paid = try fixture.invoices.confirmOnlinePayment(operationId: online.operationId, provider: harness.simulator, now: harness.now)
        #expect(paid.id < counter.id, "created first")
        let detail = try fixture.invoices.detail(invoice.id, actor: agent)
        #expect(detail.receipt(for: counter.id)?.remainingCents == 1250)
        #expect(detail.receipt(for: paid.id)?.paidSoFarCents == 3250)
        #expect(detail.receipt(for: paid.id)?.isFullyPaid == true)
    }

    @Test("Only money received for the invoice has a receipt")
    func onlyMoneyReceived() throws {
        let invoice = try fixture.issuedInvoice()
        let harness = try SimulatorHarness(database: fixture.database, now: fixture.now.addingTimeInterval(3600))
        let pending = try fixture.invoices.startOnlinePayment(invoice.id, actor: resident, provider: harness.simulator,
                                                              returnURLs: SimulatorHarness.returnURLs, now: harness.now)
        let payment = try #require(try fixture.invoices.payment(operationId: pending.operationId))
        let detail = try fixture.invoices.detail(invoice.id, actor: agent)
        #expect(detail.receipt(for: payment.id) == nil, "still pending")
        let other = try fixture.issuedInvoice()
        let elsewhere = try fixture.invoices.recordCounterPayment(other.id, amount: "5", channel: "especes", reference: "",
                                                                  actor: agent, now: fixture.now)
        #expect(detail.receipt(for: elsewhere.id) == nil, "another invoice's payment")
        #expect(PaymentReceipt(elsewhere, of: invoice, regie: detail.regie, payments: [elsewhere]) == nil)
    }
}
