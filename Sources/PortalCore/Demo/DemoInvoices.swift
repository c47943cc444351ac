import Foundation

/// Sample invoices for the demo, issued by the demo agents through the same use case as real
/// ones: the Langeais resident has one to pay, one overdue and one paid at the counter; the
/// Bourgueil resident one to pay from the waste service.
public enum DemoInvoices {
    /// Adds the sample invoices unless the demo residents already have some; returns how many were added.
    @discardableResult
    public static func install(into invoices: Invoices, now: Date = Date()) throws -> Int {
        func account(_ login: String) throws -> Account? {
            try invoices.database.pool.read { db in try Account.fetch(email: login, db) }
        }
        guard let langeais = try account("habitant@demo.cctoval.fr"),
              let mairieAgent = try account("agent.langeais@demo.cctoval.fr"),
              let childhoodAgent = try account("agent.enfance@demo.cctoval.fr"),
              let wasteAgent = try account("agent.dechets@demo.cctoval.fr"),
              try invoices.invoices(of: langeais).toPay.isEmpty else { return 0 }
        let day: TimeInterval = 24 * 3600
        func issue(_ regie: String, to payer: String, _ object: String, lines: [InvoiceForm.Line], dueInDays: Int,
                   issuedDaysAgo: Int, by agent: Account) throws -> Invoice {
            let issuedAt = now - Double(issuedDaysAgo) * day
            let dueOn = CalendarDay(issuedAt).adding(days: dueInDays)
            return try invoices.issue(InvoiceForm(regieId: regie, payerEmail: payer, object: object, dueOn: dueOn.iso, lines: lines),
                                      actor: agent, now: issuedAt)
        }
        _ = try issue("mairie-37123", to: langeais.email, "Restauration scolaire – novembre", lines: [
            .init(label: "Repas enfant", period: "Novembre", quantity: "14", unitPrice: "3,60"),
        ], dueInDays: 30, issuedDaysAgo: 5, by: mairieAgent)
        _ = try issue("enfance-jeunesse", to: langeais.email, "Accueil de loisirs – vacances d'automne", lines: [
            .init(label: "Journée avec repas", period: "Vacances d'automne", quantity: "4", unitPrice: "12,40"),
            .init(label: "Demi-journée", period: "Vacances d'automne", quantity: "2", unitPrice: "5,20"),
        ], dueInDays: 30, issuedDaysAgo: 45, by: childhoodAgent)
        let hall = try issue("mairie-37123", to: langeais.email, "Location de la salle des fêtes", lines: [
            .init(label: "Salle des fêtes, week-end", quantity: "1", unitPrice: "180"),
        ], dueInDays: 30, issuedDaysAgo: 20, by: mairieAgent)
        _ = try invoices.recordCounterPayment(hall.id, amount: "180", channel: PaymentChannel.cheque.rawValue, reference: "0012345",
                                              actor: mairieAgent, now: now - 12 * day)
        _ = try issue("dechets", to: "habitante.bourgueil@demo.cctoval.fr", "Redevance déchets – second semestre", lines: [
            .init(label: "Part fixe", period: "Second semestre", quantity: "1", unitPrice: "62"),
            .init(label: "Levées du bac", period: "Second semestre", quantity: "9", unitPrice: "2,10"),
        ], dueInDays: 30, issuedDaysAgo: 3, by: wasteAgent)
        return 4
    }
}
