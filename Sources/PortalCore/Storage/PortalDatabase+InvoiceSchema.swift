import GRDB

extension PortalDatabase {
    /// Régies, their invoice counters, invoices with their lines and history, payments, and the
    /// operations of the built-in PayFiP simulator.
    ///
    /// Régies name their organisation without a foreign key, as dossiers do: the reference data
    /// can be reloaded without touching them. Every listing (a payer's invoices, a régie's
    /// invoices by status and issue date with their totals, the invoices due for a reminder,
    /// payments by day) has its index.
    static func createInvoiceTables(_ db: Database) throws {
        try db.create(table: "regie") { t in
            t.primaryKey("id", .text)
            t.column("organisationId", .text).notNull().indexed()
            t.column("name", .text).notNull()
            t.column("payfipClientNumber", .text).notNull()
            t.column("payfipMode", .text).notNull()
            t.column("numberingCode", .text).notNull().unique()
        }
        // The last number given by each régie each year: incremented in the transaction that
        // inserts the invoice, so numbers have neither gaps nor duplicates.
        try db.create(table: "invoice_counter") { t in
            t.column("regieId", .text).notNull().references("regie", onDelete: .cascade)
            t.column("year", .integer).notNull()
            t.column("lastNumber", .integer).notNull()
            t.primaryKey(["regieId", "year"])
        }
        try db.create(table: "invoice") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("number", .text).notNull().unique()
            t.column("regieId", .text).notNull().references("regie", onDelete: .restrict)
            t.column("payerAccountId", .integer).notNull().references("account", onDelete: .restrict)
            t.column("object", .text).notNull()
            t.column("totalCents", .integer).notNull()
            t.column("paidCents", .integer).notNull().defaults(to: 0)
            t.column("issuedOn", .text).notNull()
            t.column("dueOn", .text).notNull()
            t.column("payableOnlineUntil", .text).notNull()
            t.column("status", .text).notNull()
            t.column("cancellationReason", .text)
            t.column("createdBy", .integer).references("account", onDelete: .setNull)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("reminderBeforeSentAt", .datetime)
            t.column("reminderAfterSentAt", .datetime)
            t.column("sentToCollectionAt", .datetime)
            // The régie's own reference of an invoice imported from a file: importing it twice is refused.
            t.column("externalReference", .text)
        }
        try db.create(index: "invoice_by_payer", on: "invoice", columns: ["payerAccountId", "status", "dueOn"])
        // The agents' list (see `Invoices.list`): every filter and the totals are read from this
        // index alone, without visiting the table, for the 30,000-odd invoices of a régie.
        try db.create(index: "invoice_by_regie", on: "invoice",
                      columns: ["regieId", "status", "issuedOn", "dueOn", "payerAccountId", "totalCents", "paidCents"])
        try db.execute(sql: """
            CREATE UNIQUE INDEX invoice_by_regie_reference ON invoice(regieId, externalReference)
            WHERE externalReference IS NOT NULL
            """)
        // Open invoices whose payer was not reminded yet, by due date (see `Invoices.sendReminders`):
        // the hourly job reads only these, however many invoices are overdue and already reminded.
        for (name, column) in [("invoice_awaiting_reminder_before", "reminderBeforeSentAt"),
                               ("invoice_awaiting_reminder_after", "reminderAfterSentAt")] {
            try db.execute(sql: """
                CREATE INDEX \(name) ON invoice(dueOn)
                WHERE \(column) IS NULL AND status IN \(InvoiceStatus.openSQL)
                """)
        }
        try db.create(table: "invoice_line") { t in
            t.column("invoiceId", .integer).notNull().references("invoice", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("label", .text).notNull()
            t.column("period", .text)
            t.column("quantity", .integer).notNull()
            t.column("unitPriceCents", .integer).notNull()
            t.primaryKey(["invoiceId", "position"])
        }
        // What happened to an invoice, for agents: issued, reminded, paid, cancelled…
        try db.create(table: "invoice_event") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("invoiceId", .integer).notNull().references("invoice", onDelete: .cascade)
            t.column("kind", .text).notNull()
            t.column("at", .datetime).notNull()
            t.column("actorId", .integer).references("account", onDelete: .setNull)
            t.column("text", .text)
        }
        try db.create(index: "invoice_event_by_invoice", on: "invoice_event", columns: ["invoiceId", "at"])
        try db.create(table: "payment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("invoiceId", .integer).notNull().references("invoice", onDelete: .restrict)
            t.column("regieId", .text).notNull()
            t.column("amountCents", .integer).notNull()
            t.column("channel", .text).notNull()
            t.column("status", .text).notNull()
            t.column("operationId", .text).unique()
            t.column("reference", .text)
            t.column("providerResult", .text)
            t.column("recordedBy", .integer).references("account", onDelete: .setNull)
            t.column("createdAt", .datetime).notNull()
            t.column("settledAt", .datetime)
        }
        try db.create(index: "payment_by_invoice", on: "payment", columns: ["invoiceId"])
        try db.create(index: "payment_by_regie_settled", on: "payment", columns: ["regieId", "settledAt"])
        try db.create(index: "payment_by_status", on: "payment", columns: ["status", "createdAt"])
        // At most one online payment in progress per invoice: two tabs paying at once share it.
        try db.execute(sql: "CREATE UNIQUE INDEX payment_one_pending ON payment(invoiceId) WHERE status = 'en_cours'")
        // The built-in PayFiP simulator's operations (see PayFiPSimulator).
        try db.create(table: "payfip_sim_operation") { t in
            t.primaryKey("idOp", .text)
            t.column("numcli", .text).notNull()
            t.column("exer", .text).notNull()
            t.column("refdet", .text).notNull()
            t.column("montant", .integer).notNull()
            t.column("mel", .text).notNull()
            t.column("objet", .text).notNull()
            t.column("urlnotif", .text).notNull()
            t.column("urlredirect", .text).notNull()
            t.column("saisie", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("resultrans", .text)
            t.column("numauto", .text)
            t.column("settledAt", .datetime)
        }
    }
}
