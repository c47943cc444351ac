import Foundation
import GRDB

extension Invoices {
    /// Cancels an open invoice with a reason; an agent of its régie's organisation only. A reason
    /// breaking the rule of multi-line fields throws its ``TypedText/Problem``.
    public func cancel(_ id: Int64, reason: String, actor: Account?, now: Date) throws -> Invoice {
        try database.pool.write { db in
            let (invoice, _) = try Self.managed(id: id, by: actor, db)
            guard invoice.status == .toPay else { throw InvoiceError.invalidTransition(from: invoice.status) }
            let reason = try TypedText.multiLine(reason, subject: "Le motif de l'annulation")
            guard !reason.isEmpty else { throw InvoiceError.reasonRequired }
            try db.execute(
                sql: "UPDATE invoice SET status = ?, cancellationReason = ?, updatedAt = ? WHERE id = ?",
                arguments: [InvoiceStatus.cancelled.rawValue, reason, now, id])
            try InvoiceEvent.record(.cancelled, invoiceId: id, at: now, actor: actor?.id, text: reason, db)
            return try Invoice.fetch(id: id, db)!
        }
    }

    /// Hands an unpaid invoice to the public accountant: it can no longer be paid on the portal.
    public func sendToCollection(_ id: Int64, actor: Account?, now: Date) throws -> Invoice {
        try database.pool.write { db in
            let (invoice, _) = try Self.managed(id: id, by: actor, db)
            guard invoice.status.isOpen else { throw InvoiceError.invalidTransition(from: invoice.status) }
            try db.execute(
                sql: "UPDATE invoice SET status = ?, sentToCollectionAt = ?, updatedAt = ? WHERE id = ?",
                arguments: [InvoiceStatus.sentToCollection.rawValue, now, now, id])
            try InvoiceEvent.record(.sentToCollection, invoiceId: id, at: now, actor: actor?.id, db)
            return try Invoice.fetch(id: id, db)!
        }
    }

    /// Records money received at the régie's counter (cash, cheque, card, transfer) and queues
    /// the receipt for the payer. Field names of errors: `montant`, `moyen`, `reference`.
    public func recordCounterPayment(_ id: Int64, amount: String, channel: String, reference: String,
                                     actor: Account?, now: Date) throws -> Payment {
        try database.pool.write { db in
            let (invoice, regie) = try Self.managed(id: id, by: actor, db)
            guard invoice.status.isOpen else { throw InvoiceError.invalidTransition(from: invoice.status) }
            var errors = ValidationErrors()
            let cents = Euros.parse(amount)
            if cents == nil || cents == 0 {
                errors.add("Saisissez le montant reçu en euros, par exemple 12,50.", for: "montant")
            } else if let cents, cents > invoice.remainingCents {
                errors.add("Le montant ne peut pas dépasser le reste à payer, \(Euros.format(invoice.remainingCents)).", for: "montant")
            }
            let channel = PaymentChannel(rawValue: channel).flatMap { PaymentChannel.counterChannels.contains($0) ? $0 : nil }
            if channel == nil { errors.add("Choisissez le moyen de paiement.", for: "moyen") }
            let reference = errors.singleLine(reference, subject: "La référence", for: "reference")
            if channel == .cheque, reference.isEmpty { errors.add("Saisissez le numéro du chèque.", for: "reference") }
            if reference.count > 60 { errors.add("La référence doit faire 60 caractères au plus.", for: "reference") }
            guard errors.isEmpty, let cents, let channel else { throw InvoiceError.invalid(errors) }
            try db.execute(
                sql: """
                    INSERT INTO payment (invoiceId, regieId, amountCents, channel, status, reference, recordedBy, createdAt, settledAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, regie.id, cents, channel.rawValue, PaymentStatus.paid.rawValue, reference.isEmpty ? nil : reference,
                            actor?.id, now, now])
            let payment = try Payment.fetch(id: db.lastInsertedRowID, db)!
            try credit(payment, to: invoice, regie: regie, actor: actor?.id, now: now, db)
            return payment
        }
    }

    /// Adds a paid payment to its invoice's amounts and status, records it in the history and
    /// queues the receipt, in the caller's transaction. Money for an invoice no longer open
    /// (cancelled, with the public accountant, already paid) is recorded as an anomaly for the régie.
    func credit(_ payment: Payment, to invoice: Invoice, regie: Regie, actor: Int64?, now: Date, _ db: Database) throws {
        let paid = invoice.paidCents + payment.amountCents
        let status = invoice.status.isOpen ? InvoiceStatus.from(total: invoice.totalCents, paid: paid) : invoice.status
        try db.execute(sql: "UPDATE invoice SET paidCents = ?, status = ?, updatedAt = ? WHERE id = ?",
                       arguments: [paid, status.rawValue, now, invoice.id])
        try InvoiceEvent.record(.paymentReceived, invoiceId: invoice.id, at: now, actor: actor,
                                text: "\(Euros.format(payment.amountCents)) — \(payment.channel.label) — reçu \(payment.receiptNumber)", db)
        if !invoice.status.isOpen || paid > invoice.totalCents {
            try InvoiceEvent.record(.anomaly, invoiceId: invoice.id, at: now, text: """
                Paiement \(payment.receiptNumber) de \(Euros.format(payment.amountCents)) reçu alors que la facture était \
                « \(invoice.status.label.lowercased()) » avec \(Euros.format(invoice.remainingCents)) restant dû : \
                à rembourser ou à affecter.
                """, db)
        }
        let payments = try Payment.fetchAll(invoiceId: invoice.id, db)
        guard let receipt = PaymentReceipt(payment, of: invoice, regie: regie, payments: payments),
              let payer = try Row.fetchOne(db, sql: "SELECT email, displayName FROM account WHERE id = ?", arguments: [invoice.payerAccountId])
        else { return }
        let recipient = InvoiceNotifications.Payer(email: payer["email"], name: payer["displayName"])
        try Outbox.enqueue(notifications.receipt(receipt, to: recipient), now: now, db)
    }
}
