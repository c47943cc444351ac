import Foundation
import GRDB

extension Invoices {
    /// The longest note of a payment declared at a France Services counter.
    public static let declaredPaymentMaximumLength = 500

    /// At a France Services counter, an adviser acting for the payer under a mandate notes that
    /// they paid an open invoice by another channel (at the public treasury, by transfer…). Nothing
    /// is credited and no amount changes: the invoice's history gets an entry for the régie to
    /// check. `actor` is the payer's account as ``FranceServices/actingAccount(for:family:adviser:now:)``
    /// gives it (with its ``Account/franceServicesAdviser``); anyone else gets ``InvoiceError/notFound``.
    /// Field name of errors: `declaration`.
    public func noteDeclaredPayment(_ id: Int64, text: String, actor: Account?, now: Date) throws -> InvoiceEvent {
        guard let actor = actor?.acting(as: .resident), let adviser = actor.franceServicesAdviser else { throw InvoiceError.notFound }
        return try database.pool.write { db in
            let invoice = try Self.visible(id: id, to: actor, now: now, db)
            guard invoice.status.isOpen else { throw InvoiceError.invalidTransition(from: invoice.status) }
            var errors = ValidationErrors()
            let text = errors.multiLine(text, subject: "La déclaration", for: "declaration")
            if text.isEmpty {
                errors.add("Indiquez comment et quand la personne a payé, par exemple : chèque remis au Trésor public le 12/11.",
                           for: "declaration")
            } else if text.count > Self.declaredPaymentMaximumLength {
                errors.add("Écrivez au plus \(Self.declaredPaymentMaximumLength) caractères.", for: "declaration")
            }
            guard errors.isEmpty else { throw InvoiceError.invalid(errors) }
            let note = """
                Déclaré par \(actor.displayName) au guichet \(adviser.siteName), avec \(adviser.name) : « \(text) ». \
                Aucune somme reçue par le portail : à vérifier avant de modifier la facture.
                """
            try InvoiceEvent.record(.declaredPayment, invoiceId: invoice.id, at: now, actor: adviser.accountId, text: note, db)
            return InvoiceEvent(kind: .declaredPayment, at: now, actorId: adviser.accountId, text: note)
        }
    }
}
