import Foundation

/// The e-mails of invoices and payments. Like the dossiers' e-mails they link to the portal;
/// they state amounts and references, which the payer needs to recognise the invoice.
public struct InvoiceNotifications: Sendable {
    /// Where the e-mails link to.
    public let links: any PortalLinks

    public init(links: any PortalLinks) {
        self.links = links
    }

    private func link(_ invoiceId: Int64) -> String { links.residentInvoice(invoiceId) }

    /// To the payer: a new invoice is on the portal.
    func issued(_ invoice: Invoice, regie: Regie, to payer: Payer) -> MailMessage {
        .portal(to: payer.email, subject: "Nouvelle facture \(invoice.number) : \(Euros.format(invoice.totalCents))", paragraphs: [
            "Bonjour \(payer.name),",
            "\(regie.name) vous adresse la facture \(invoice.number) « \(invoice.object) » de \(Euros.format(invoice.totalCents)), à payer avant le \(invoice.dueOn.french).",
            "Vous pouvez la consulter et la payer en ligne par carte bancaire : \(link(invoice.id))",
        ])
    }

    /// To the payer: the receipt of a payment, the legal acknowledgement of it.
    func receipt(_ receipt: PaymentReceipt, to payer: Payer) -> MailMessage {
        let payment = receipt.payment
        let invoice = "la facture \(receipt.invoiceNumber) « \(receipt.invoiceObject) »"
        return .portal(to: payer.email, subject: "Reçu de votre paiement : facture \(receipt.invoiceNumber)", paragraphs: [
            "Bonjour \(payer.name),",
            "\(receipt.regie.name) a bien reçu votre paiement de \(Euros.format(payment.amountCents)) pour \(invoice), \(FrenchDateTime.text(receipt.receivedAt)).",
            "Moyen de paiement : \(payment.channel.label). Reçu n° \(payment.receiptNumber)\(payment.reference.map { ", référence \($0)" } ?? "").",
            receipt.isFullyPaid ? "La facture est entièrement payée." : "Il reste \(Euros.format(receipt.remainingCents)) à payer.",
            "Votre reçu est disponible dans votre espace : \(link(receipt.invoiceId))",
        ])
    }

    /// To the payer: the due date is near.
    func reminderBefore(_ invoice: Invoice, regie: Regie, to payer: Payer) -> MailMessage {
        .portal(to: payer.email, subject: "Rappel : facture \(invoice.number) à payer avant le \(invoice.dueOn.french)", paragraphs: [
            "Bonjour \(payer.name),",
            "La facture \(invoice.number) « \(invoice.object) » de \(regie.name) est à payer avant le \(invoice.dueOn.french). Il reste \(Euros.format(invoice.remainingCents)) à payer.",
            "Pour la payer en ligne : \(link(invoice.id))",
            "Si vous l'avez déjà payée, ne tenez pas compte de ce message.",
        ])
    }

    /// To the payer: the due date has passed.
    func reminderAfter(_ invoice: Invoice, regie: Regie, to payer: Payer) -> MailMessage {
        .portal(to: payer.email, subject: "Facture \(invoice.number) non payée", paragraphs: [
            "Bonjour \(payer.name),",
            "La facture \(invoice.number) « \(invoice.object) » de \(regie.name) devait être payée avant le \(invoice.dueOn.french). Il reste \(Euros.format(invoice.remainingCents)) à payer.",
            "Vous pouvez encore la payer en ligne jusqu'au \(invoice.payableOnlineUntil.french) : \(link(invoice.id))",
            "Sans paiement, elle sera transmise au comptable public pour recouvrement. En cas de difficulté, contactez le service.",
        ])
    }

    /// Someone an invoice is addressed to.
    struct Payer {
        var email: String
        var name: String
    }
}
