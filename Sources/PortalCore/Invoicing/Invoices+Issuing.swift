import Foundation
import GRDB

extension Invoices {
    /// Issues an invoice typed by an agent of the régie's organisation, numbers it, and tells the payer.
    public func issue(_ form: InvoiceForm, actor: Account?, now: Date) throws -> Invoice {
        guard let actor = actor?.acting(as: .agent) else { throw InvoiceError.notFound }
        return try database.pool.write { db in
            let checked = try Self.check(form, by: actor, today: CalendarDay(now), db)
            return try Self.insert(checked, createdBy: actor.id, now: now, notifications: notifications, db)
        }
    }

    /// A form whose every field was checked.
    struct CheckedInvoice {
        var regie: Regie
        var payer: Account
        var object: String
        var lines: [InvoiceLine]
        var issuedOn: CalendarDay
        var dueOn: CalendarDay
        /// The régie's own reference, for an imported invoice.
        var externalReference: String?
    }

    /// Checks a form against the régies of `organisationId`; throws ``InvoiceError/invalid(_:)`` with a
    /// French message for each wrong field, its texts held to the rule of single-line fields (see
    /// ``TypedText``). Messages name a line by its position in the form, or by `lineNumbers[position]`
    /// when given (the lines of an imported file).
    static func check(_ form: InvoiceForm, by actor: Account, today: CalendarDay, lineNumbers: [Int]? = nil,
                      _ db: Database) throws -> CheckedInvoice {
        var errors = ValidationErrors()
        let regie = try Regie.fetch(id: form.regieId, db).flatMap { regie in
            try actor.organisationIds.contains(regie.organisationId) && Regie.mayBill(regie.id, accountId: actor.id, db) ? regie : nil
        }
        if regie == nil { errors.add("Choisissez la régie qui émet la facture.", for: "regie") }
        let email = EmailAddress.normalise(form.payerEmail)
        var payer: Account?
        if email.isEmpty {
            errors.add("Saisissez l'adresse e-mail du compte du payeur.", for: "payeur")
        } else {
            payer = try Account.fetch(email: email, db)
            if payer?.role != .resident {
                errors.add("Aucun compte d'habitant ne correspond à cette adresse e-mail. Vérifiez-la, ou demandez à la personne de créer son compte.", for: "payeur")
            }
        }
        let object = errors.singleLine(form.object, subject: "L'objet de la facture", for: "objet")
        if object.isEmpty { errors.add("Saisissez l'objet de la facture.", for: "objet") }
        if object.count > 200 { errors.add("L'objet doit faire 200 caractères au plus.", for: "objet") }
        let dueOn = CalendarDay(typed: form.dueOn)
        if dueOn == nil {
            errors.add("Saisissez la date d'échéance, par exemple 31/12/2026.", for: "echeance")
        } else if let dueOn, dueOn < today {
            errors.add("La date d'échéance ne peut pas être passée.", for: "echeance")
        }
        var lines: [InvoiceLine] = []
        for (index, line) in form.lines.enumerated() where !line.isBlank {
            let number = lineNumbers?[index] ?? index + 1
            let label = errors.singleLine(line.label, subject: "Le libellé de la ligne \(number)",
                                          for: InvoiceForm.lineField(index, "libelle"))
            let period = errors.singleLine(line.period, subject: "La période de la ligne \(number)",
                                           for: InvoiceForm.lineField(index, "periode"))
            if label.isEmpty { errors.add("Saisissez le libellé de la ligne \(number).", for: InvoiceForm.lineField(index, "libelle")) }
            let quantity = Int(line.quantity.trimmingCharacters(in: .whitespaces))
            if quantity == nil || !(1...9999).contains(quantity!) {
                errors.add("La quantité de la ligne \(number) doit être un nombre entier de 1 à 9999.", for: InvoiceForm.lineField(index, "quantite"))
            }
            let price = Euros.parse(line.unitPrice)
            if price == nil {
                errors.add("Le prix unitaire de la ligne \(number) doit être un montant en euros, par exemple 12,50.", for: InvoiceForm.lineField(index, "prix"))
            }
            if let quantity, let price {
                lines.append(InvoiceLine(label: label, period: period.isEmpty ? nil : period, quantity: quantity, unitPriceCents: price))
            }
        }
        if form.lines.allSatisfy(\.isBlank) {
            errors.add("Saisissez au moins une ligne : libellé, quantité et prix unitaire.", for: InvoiceForm.lineField(0, "libelle"))
        } else if errors.isEmpty, lines.reduce(0, { $0 + $1.amountCents }) <= 0 {
            errors.add("Le total de la facture doit être supérieur à zéro.", for: InvoiceForm.lineField(0, "prix"))
        }
        guard errors.isEmpty, let regie, let payer, let dueOn else { throw InvoiceError.invalid(errors) }
        return CheckedInvoice(regie: regie, payer: payer, object: object, lines: lines, issuedOn: today, dueOn: dueOn)
    }

    /// Inserts a checked invoice with the régie's next number of the year, in the caller's transaction.
    static func insert(_ checked: CheckedInvoice, createdBy: Int64?, now: Date, notifications: InvoiceNotifications?,
                       _ db: Database) throws -> Invoice {
        let number = try nextNumber(regie: checked.regie, year: checked.issuedOn.year, db)
        let total = checked.lines.reduce(0) { $0 + $1.amountCents }
        try db.execute(
            sql: """
                INSERT INTO invoice (number, regieId, payerAccountId, object, totalCents, paidCents, issuedOn, dueOn,
                                     payableOnlineUntil, status, createdBy, createdAt, updatedAt, externalReference)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [number, checked.regie.id, checked.payer.id, checked.object, total, checked.issuedOn.iso, checked.dueOn.iso,
                        checked.dueOn.adding(days: onlinePaymentGraceDays).iso, InvoiceStatus.toPay.rawValue, createdBy, now, now,
                        checked.externalReference])
        let id = db.lastInsertedRowID
        for (position, line) in checked.lines.enumerated() {
            try db.execute(
                sql: "INSERT INTO invoice_line (invoiceId, position, label, period, quantity, unitPriceCents) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, position, line.label, line.period, line.quantity, line.unitPriceCents])
        }
        try InvoiceEvent.record(.issued, invoiceId: id, at: now, actor: createdBy, db)
        guard let invoice = try Invoice.fetch(id: id, db) else { throw InvoiceError.notFound }
        if let notifications {
            let payer = InvoiceNotifications.Payer(email: checked.payer.email, name: checked.payer.displayName)
            try Outbox.enqueue(notifications.issued(invoice, regie: checked.regie, to: payer), now: now, db)
        }
        return invoice
    }

    /// `F-DEC-26-000042`: the régie's next number for `year`, taken in the caller's transaction.
    static func nextNumber(regie: Regie, year: Int, _ db: Database) throws -> String {
        try db.execute(
            sql: """
                INSERT INTO invoice_counter (regieId, year, lastNumber) VALUES (?, ?, 1)
                ON CONFLICT (regieId, year) DO UPDATE SET lastNumber = lastNumber + 1
                """,
            arguments: [regie.id, year])
        let number = try Int.fetchOne(
            db, sql: "SELECT lastNumber FROM invoice_counter WHERE regieId = ? AND year = ?", arguments: [regie.id, year]) ?? 0
        return "F-\(regie.numberingCode)-\(String(format: "%02d", year % 100))-\(String(format: "%06d", number))"
    }
}
