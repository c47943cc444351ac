import Foundation
import PortalCore
import Testing

@Suite("A payment declared at a France Services counter is noted for the régie, never credited")
struct DeclaredPaymentTests {
    let fixture: InvoiceFixture
    let franceServices: FranceServices
    var now: Date { fixture.now }

    init() throws {
        fixture = try InvoiceFixture()
        franceServices = FranceServices(database: fixture.database, catalogue: try Catalogue(database: fixture.database), links: TestLinks())
    }

    /// The Langeais resident as the adviser acts for them under a mandate for payments.
    func acting() throws -> Account {
        let resident = try #require(fixture.accounts["habitant"])
        _ = try franceServices.recordMandate(.init(families: ["paiements"], duration: "visite", consent: "signature", readAndSigned: true),
                                      for: resident.id, adviser: fixture.accounts["conseiller"], now: now)
        return try franceServices.actingAccount(for: resident.id, family: .payments, adviser: fixture.accounts["conseiller"], now: now).0
    }

    @Test("The note goes into the invoice's history for the régie to check; amounts and status do not change")
    func noted() throws {
        let invoice = try fixture.issuedInvoice()
        let event = try fixture.invoices.noteDeclaredPayment(invoice.id, text: "  Chèque remis au Trésor public le 12/02  ",
                                                             actor: try acting(), now: now)
        #expect(event.kind == .declaredPayment && event.kind.needsCheck)
        #expect(event.actorId == fixture.accounts["conseiller"]?.id)
        let detail = try fixture.invoices.detail(invoice.id, actor: fixture.accounts["agent.langeais"])
        #expect(detail.invoice.paidCents == 0)
        #expect(detail.invoice.status == .toPay)
        #expect(detail.payments.isEmpty)
        let noted = try #require(detail.events.last)
        #expect(noted.kind == .declaredPayment)
        #expect(noted.text == """
            Déclaré par Camille Martin au guichet France Services de Langeais, avec Karim Benali : « Chèque remis au Trésor public le 12/02 ». \
            Aucune somme reçue par le portail : à vérifier avant de modifier la facture.
            """)
    }

    @Test("Only the payer's acting account, on an open invoice, with a note of reasonable length")
    func refusals() throws {
        let invoice = try fixture.issuedInvoice()
        for login in ["habitant", "habitante.bourgueil", "agent.langeais", "conseiller"] {
            #expect(throws: InvoiceError.notFound, "\(login)") {
                try fixture.invoices.noteDeclaredPayment(invoice.id, text: "Payé", actor: fixture.accounts[login], now: now)
            }
        }
        let acting = try acting()
        for text in ["   ", String(repeating: "a", count: Invoices.declaredPaymentMaximumLength + 1)] {
            #expect { try fixture.invoices.noteDeclaredPayment(invoice.id, text: text, actor: acting, now: now) } throws: { error in
                guard case InvoiceError.invalid(let errors) = error else { return false }
                return errors["declaration"] != nil
            }
        }
        _ = try fixture.invoices.cancel(invoice.id, reason: "Erreur de facturation", actor: fixture.accounts["agent.langeais"], now: now)
        #expect(throws: InvoiceError.invalidTransition(from: .cancelled)) {
            try fixture.invoices.noteDeclaredPayment(invoice.id, text: "Payé", actor: acting, now: now)
        }
    }
}
