import Foundation
import PortalCore
import Testing

extension InvoiceIssuingTests {
    @Test("An invoice's object, line labels and periods, a cheque's number and a cancellation's reason follow the rule of typed text")
    func invoiceTextsFollowTheRule() throws {
        let agent = fixture.accounts["agent.langeais"]
        var form = InvoiceFixture.cantineForm()
        form.object = "Restauration scolaire\r\nBcc: victime@example.fr"
        form.lines[0].label = "Repas\u{0}"
        form.lines[1].period = "Mars\n2026"
        #expect { try fixture.invoices.issue(form, actor: agent, now: fixture.now) } throws: { error in
            guard case InvoiceError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["objet", "ligne-1-libelle", "ligne-2-periode"]
                && errors["objet"] == "L'objet de la facture doit tenir sur une seule ligne : retirez les retours à la ligne."
                && errors["ligne-1-libelle"]?.hasPrefix("Le libellé de la ligne 1 contient un caractère invisible") == true
                && errors["ligne-2-periode"] == "La période de la ligne 2 doit tenir sur une seule ligne : retirez les retours à la ligne."
        }
        form = InvoiceFixture.cantineForm()
        form.object = " Restauration scolaire – fe\u{301}vrier\t2026 "
        let invoice = try fixture.invoices.issue(form, actor: agent, now: fixture.now)
        #expect(invoice.object == "Restauration scolaire – f\u{E9}vrier 2026")

        #expect { try fixture.invoices.recordCounterPayment(invoice.id, amount: "5", channel: "cheque", reference: "1234567\r\n",
                                                            actor: agent, now: fixture.now) } throws: { error in
            guard case InvoiceError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["reference"]
        }
        #expect { try fixture.invoices.cancel(invoice.id, reason: "Erreur\u{1B}", actor: agent, now: fixture.now) } throws: { error in
            (error as? TypedText.Problem)?.message.hasPrefix("Le motif de l'annulation contient un caractère invisible") == true
        }
        let cancelled = try fixture.invoices.cancel(invoice.id, reason: "Erreur de régie.\r\nFacture refaite.", actor: agent, now: fixture.now)
        #expect(cancelled.cancellationReason == "Erreur de régie.\nFacture refaite.")
    }
}

extension InvoiceImportTests {
    @Test("An imported object or reference on two lines is rejected with the same message as a typed one")
    func importedTextsFollowTheRule() throws {
        let report = try importing("""
            \(Self.header)\r
            habitant@demo.cctoval.fr;"Restauration
            Bcc: victime@example.fr";30/04/2026;Repas;Mars 2026;12;3,50;CANT-1\r
            habitant@demo.cctoval.fr;Restauration;30/04/2026;Repas;Mars 2026;12;3,50;"CANT
            2"\r

            """)
        #expect(!report.isImported)
        #expect(report.rejectedLines.map(\.reasons) == [
            ["L'objet de la facture doit tenir sur une seule ligne : retirez les retours à la ligne."],
            ["La référence de la facture doit tenir sur une seule ligne : retirez les retours à la ligne."],
        ])
        #expect(try invoiceCount() == 0)
    }
}
