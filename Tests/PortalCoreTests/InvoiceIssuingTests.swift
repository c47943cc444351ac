import Foundation
import GRDB
import PortalCore
import Testing

@Suite("Invoices: régies, amounts, numbering, issuing, counter payments, permissions")
struct InvoiceIssuingTests {
    let fixture: InvoiceFixture

    init() throws {
        fixture = try InvoiceFixture()
    }

    @Test("The shipped régies are valid, each tied to a real organisation; installing again adds none")
    func regieSeed() throws {
        let catalogue = try Catalogue(database: fixture.database)
        let file = TestSupport.realSeed.appendingPathComponent("regies.json")
        let regies = try RegieSeed.load(from: file, catalogue: catalogue)
        #expect(regies.count == 32)
        #expect(regies.filter { $0.organisationId.hasPrefix("mairie-") }.count == 28)
        #expect(try RegieSeed.install(from: file, catalogue: catalogue, into: fixture.database).isEmpty)
        #expect(try fixture.invoices.regies(of: fixture.accounts["agent.langeais"]).map(\.id) == ["mairie-37123"])
        #expect(try fixture.invoices.regies(of: fixture.accounts["habitant"]).isEmpty)

        let broken = try TestSupport.temporaryDirectory().appendingPathComponent("regies.json")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"200701\"", with: "\"2007\"")
            .write(to: broken, atomically: true, encoding: .utf8)
        #expect { try RegieSeed.load(from: broken, catalogue: catalogue) } throws: { error in
            "\(error)".contains("régie enfance-jeunesse: the PayFiP client number must be six digits")
        }
    }

    @Test("Amounts are written and read the French way, in integer cents")
    func euros() {
        #expect(Euros.format(0) == "0,00\u{202F}€")
        #expect(Euros.format(5) == "0,05\u{202F}€")
        #expect(Euros.format(123_456) == "1\u{202F}234,56\u{202F}€")
        #expect(Euros.format(100_000_000) == "1\u{202F}000\u{202F}000,00\u{202F}€")
        #expect(Euros.format(-1250) == "-12,50\u{202F}€")
        for (text, cents) in [("12", 1200), ("12,5", 1250), ("12,50", 1250), ("12.05", 1205), ("1 234,56", 123_456),
                              ("12 €", 1200), ("0,01", 1), ("1\u{202F}000", 100_000)] {
            #expect(Euros.parse(text) == cents, "\(text)")
        }
        for text in ["", ",50", "12,505", "-3", "douze", "12,5a", "1e3", "99999999", "１２"] {
            #expect(Euros.parse(text) == nil, "\(text)")
        }
    }

    @Test("An issued invoice adds its lines in cents, is numbered by its régie and year, and tells the payer")
    func issue() throws {
        let invoice = try fixture.issuedInvoice()
        #expect(invoice.number == "F-37123-26-000001")
        #expect(invoice.totalCents == 2250)
        #expect(invoice.lines.map(\.amountCents) == [1050, 1200])
        #expect(invoice.status == .toPay)
        #expect(invoice.dueOn == CalendarDay(year: 2026, month: 3, day: 31))
        #expect(invoice.payableOnlineUntil == CalendarDay(year: 2026, month: 5, day: 30))
        #expect(invoice.payfipReference == "F3712326000001")
        #expect(try fixture.issuedInvoice().number == "F-37123-26-000002")
        let nextYear = try fixture.invoices.issue(InvoiceFixture.cantineForm(dueOn: "31/03/2027"), actor: fixture.accounts["agent.langeais"],
                                                  now: fixture.now.addingTimeInterval(365 * 86400))
        #expect(nextYear.number == "F-37123-27-000001")
        let mail = try #require(try fixture.outbox.due(now: fixture.now).first?.message)
        #expect(mail.recipient == "habitant@demo.cctoval.fr")
        #expect(mail.subject == "Nouvelle facture F-37123-26-000001 : 22,50\u{202F}€")
        #expect(mail.textBody.contains("/mon-espace/factures/\(invoice.id)"))
    }

    @Test("Numbers have neither gaps nor duplicates when agents issue at the same time")
    func concurrentNumbering() async throws {
        let fixture = self.fixture
        let numbers = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try (0..<15).map { _ in try fixture.issuedInvoice().number }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(numbers.count == 120)
        #expect(Set(numbers) == Set((1...120).map { "F-37123-26-" + String(format: "%06d", $0) }))
    }

    @Test("Each mistake of an invoice form gets its French message next to its field")
    func validation() throws {
        let agent = fixture.accounts["agent.langeais"]
        var form = InvoiceForm(regieId: "dechets", payerEmail: "personne@example.org", object: " ", dueOn: "31/02/2026", lines: [
            .init(label: "", quantity: "0", unitPrice: "3,505"),
        ])
        #expect { try fixture.invoices.issue(form, actor: agent, now: fixture.now) } throws: { error in
            guard case InvoiceError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["regie", "payeur", "objet", "echeance", "ligne-1-libelle", "ligne-1-quantite", "ligne-1-prix"]
                && errors["payeur"]?.hasPrefix("Aucun compte d'habitant ne correspond") == true
                && errors["echeance"] == "Saisissez la date d'échéance, par exemple 31/12/2026."
        }
        form = InvoiceFixture.cantineForm(dueOn: "2026-02-27")
        #expect { try fixture.invoices.issue(form, actor: agent, now: fixture.now) } throws: { error in
            guard case InvoiceError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["echeance"] && errors["echeance"] == "La date d'échéance ne peut pas être passée."
        }
        form = InvoiceFixture.cantineForm()
        form.lines = [.init(label: "", quantity: "", unitPrice: "")]
        #expect { try fixture.invoices.issue(form, actor: agent, now: fixture.now) } throws: { error in
            guard case InvoiceError.invalid(let errors) = error else { return false }
            return errors["ligne-1-libelle"] == "Saisissez au moins une ligne : libellé, quantité et prix unitaire."
        }
        form.lines = [.init(label: "Gratuit", quantity: "1", unitPrice: "0")]
        #expect(throws: InvoiceError.self) { try fixture.invoices.issue(form, actor: agent, now: fixture.now) }
        // An agent cannot issue for a payer who is staff, nor a résident issue at all.
        #expect(throws: InvoiceError.self) {
            try fixture.invoices.issue(InvoiceFixture.cantineForm(payer: "agent.bourgueil@demo.cctoval.fr"), actor: agent, now: fixture.now)
        }
        #expect(throws: InvoiceError.notFound) {
            try fixture.invoices.issue(InvoiceFixture.cantineForm(), actor: fixture.accounts["habitant"], now: fixture.now)
        }
        #expect(try fixture.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice") } == 0)
    }

    @Test("A résident sees only their invoices; an agent only their régies'; other roles none")
    func permissions() throws {
        let invoice = try fixture.issuedInvoice()
        #expect(try fixture.invoices.detail(invoice.id, actor: fixture.accounts["habitant"]).invoice == invoice)
        #expect(try fixture.invoices.detail(invoice.id, actor: fixture.accounts["agent.langeais"]).payerName == "Camille Martin")
        for login in ["habitante.bourgueil", "agent.bourgueil", "agent.dechets", "conseiller", "admin"] {
            #expect(throws: InvoiceError.notFound, "\(login)") { try fixture.invoices.detail(invoice.id, actor: fixture.accounts[login]) }
        }
        #expect(throws: InvoiceError.notFound) { try fixture.invoices.detail(invoice.id, actor: nil) }
        #expect(try fixture.invoices.invoices(of: fixture.accounts["habitant"]).toPay.map(\.id) == [invoice.id])
        #expect(try fixture.invoices.invoices(of: fixture.accounts["habitante.bourgueil"]).toPay.isEmpty)
        #expect(throws: InvoiceError.notFound) { try fixture.invoices.invoices(of: fixture.accounts["agent.langeais"]) }
        #expect(throws: InvoiceError.notFound) {
            try fixture.invoices.recordCounterPayment(invoice.id, amount: "5", channel: "especes", reference: "",
                                                      actor: fixture.accounts["agent.bourgueil"], now: fixture.now)
        }
        #expect(throws: InvoiceError.notFound) {
            try fixture.invoices.cancel(invoice.id, reason: "Erreur", actor: fixture.accounts["habitant"], now: fixture.now)
        }
    }

    @Test("Counter payments add up to paid, never beyond what remains; each gets a receipt")
    func counterPayments() throws {
        let invoice = try fixture.issuedInvoice()
        let agent = fixture.accounts["agent.langeais"]
        let first = try fixture.invoices.recordCounterPayment(invoice.id, amount: "10", channel: "especes", reference: "",
                                                              actor: agent, now: fixture.now)
        #expect(first.status == .paid)
        var detail = try fixture.invoices.detail(invoice.id, actor: agent)
        #expect(detail.invoice.status == .partiallyPaid)
        #expect(detail.invoice.remainingCents == 1250)
        #expect { try fixture.invoices.recordCounterPayment(invoice.id, amount: "12,51", channel: "cheque", reference: "",
                                                            actor: agent, now: fixture.now) } throws: { error in
            guard case InvoiceError.invalid(let errors) = error else { return false }
            return errors["montant"] == "Le montant ne peut pas dépasser le reste à payer, 12,50\u{202F}€."
                && errors["reference"] == "Saisissez le numéro du chèque."
        }
        #expect(throws: InvoiceError.self) {
            try fixture.invoices.recordCounterPayment(invoice.id, amount: "1", channel: "payfip", reference: "", actor: agent, now: fixture.now)
        }
        _ = try fixture.invoices.recordCounterPayment(invoice.id, amount: "12,50", channel: "cheque", reference: "1234567",
                                                      actor: agent, now: fixture.now)
        detail = try fixture.invoices.detail(invoice.id, actor: agent)
        #expect(detail.invoice.status == .paid)
        #expect(detail.invoice.paidCents == 2250)
        #expect(detail.payments.map(\.channel) == [.cash, .cheque])
        #expect(detail.events.map(\.kind) == [.issued, .paymentReceived, .paymentReceived])
        #expect(throws: InvoiceError.invalidTransition(from: .paid)) {
            try fixture.invoices.recordCounterPayment(invoice.id, amount: "1", channel: "especes", reference: "", actor: agent, now: fixture.now)
        }
        let receipts = try fixture.outbox.due(now: fixture.now).map(\.message).filter { $0.subject.hasPrefix("Reçu") }
        #expect(receipts.count == 2)
        #expect(receipts[1].textBody.contains("La facture est entièrement payée."))
        #expect(receipts[0].textBody.contains("Il reste 12,50\u{202F}€ à payer."))
    }

    @Test("Cancelling needs a reason and an unpaid invoice; sending to collection closes it to online payment")
    func cancelAndCollection() throws {
        let agent = fixture.accounts["agent.langeais"]
        let invoice = try fixture.issuedInvoice()
        #expect(throws: InvoiceError.reasonRequired) { try fixture.invoices.cancel(invoice.id, reason: " ", actor: agent, now: fixture.now) }
        let cancelled = try fixture.invoices.cancel(invoice.id, reason: "Facturée deux fois", actor: agent, now: fixture.now)
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.cancellationReason == "Facturée deux fois")
        #expect(throws: InvoiceError.invalidTransition(from: .cancelled)) {
            try fixture.invoices.sendToCollection(invoice.id, actor: agent, now: fixture.now)
        }
        let other = try fixture.issuedInvoice()
        _ = try fixture.invoices.recordCounterPayment(other.id, amount: "2", channel: "especes", reference: "", actor: agent, now: fixture.now)
        #expect(throws: InvoiceError.invalidTransition(from: .partiallyPaid)) {
            try fixture.invoices.cancel(other.id, reason: "Erreur", actor: agent, now: fixture.now)
        }
        let collected = try fixture.invoices.sendToCollection(other.id, actor: agent, now: fixture.now)
        #expect(collected.status == .sentToCollection)
        let list = try fixture.invoices.invoices(of: fixture.accounts["habitant"])
        #expect(list.toPay.isEmpty)
        #expect(list.others.count == 2)
    }

    @Test("The demo invoices: two to pay (one overdue) and one paid for the Langeais resident, once")
    func demo() throws {
        #expect(try DemoInvoices.install(into: fixture.invoices, now: fixture.now) == 4)
        #expect(try DemoInvoices.install(into: fixture.invoices, now: fixture.now) == 0)
        let langeais = try fixture.invoices.invoices(of: fixture.accounts["habitant"])
        #expect(langeais.toPay.count == 2)
        #expect(langeais.toPay.filter { $0.isOverdue(on: CalendarDay(fixture.now)) }.count == 1)
        #expect(langeais.others.map(\.status) == [.paid])
        #expect(try fixture.invoices.invoices(of: fixture.accounts["habitante.bourgueil"]).toPay.count == 1)
    }
}
