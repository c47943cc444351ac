import PortalCore

/// One invoice for its payer: lines, amounts, how to pay, payments received.
struct InvoiceView {
    struct PaymentRow {
        let date: String
        let amount: String
        let channel: String
        let status: String
        let receiptPath: String?
    }

    let layout: LayoutContext
    let csrfToken: String
    let number: String
    let object: String
    let regieName: String
    let service: OrganisationView?
    let status: String
    let cancellationReason: String?
    let issuedOn: String
    let dueOn: String
    let overdue: Bool
    let lines: [InvoiceLineView]
    let total: String
    let paid: String
    let remaining: String
    let hasPaid: Bool
    /// The form posts here when the invoice can be paid online.
    let payPath: String?
    let payableOnlineUntil: String
    /// Why it cannot be paid online, when it is open but cannot.
    let offlineReason: String?
    let pdfPath: String
    let payments: [PaymentRow]
    let hasPayments: Bool
    /// The result of the payment the payer comes back from.
    let outcome: Notice?
    /// A payment that could not start.
    let problem: String?

    struct Notice {
        let text: String
        let success: Bool
        let receiptPath: String?
    }

    init(_ detail: InvoiceDetail, organisation: Organisation?, today: CalendarDay, layout: LayoutContext, csrfToken: String,
         outcome: Payment?, problem: String?) {
        let invoice = detail.invoice
        let path = ResidentInvoiceController.path(invoice.id)
        func receiptPath(_ payment: Payment) -> String? { payment.status == .paid ? "\(path)/recus/\(payment.id)" : nil }
        self.layout = layout
        self.csrfToken = csrfToken
        number = invoice.number
        object = invoice.object
        regieName = detail.regie.name
        service = organisation.map(OrganisationView.init)
        status = invoice.status.label
        cancellationReason = invoice.cancellationReason
        issuedOn = invoice.issuedOn.french
        dueOn = invoice.dueOn.french
        overdue = invoice.isOverdue(on: today)
        lines = invoice.lines.map(InvoiceLineView.init)
        total = Euros.format(invoice.totalCents)
        paid = Euros.format(invoice.paidCents)
        remaining = Euros.format(invoice.remainingCents)
        hasPaid = invoice.paidCents > 0
        let onlineOpen = today <= invoice.payableOnlineUntil
        let inRange = PayFiPOrder.amountRange.contains(invoice.remainingCents)
        payPath = invoice.status.isOpen && onlineOpen && inRange ? "\(path)/payer" : nil
        payableOnlineUntil = invoice.payableOnlineUntil.french
        offlineReason = !invoice.status.isOpen ? nil
            : !onlineOpen ? ResidentInvoiceController.message(for: .onlinePaymentClosed(since: invoice.payableOnlineUntil.adding(days: 1)))
            : !inRange ? ResidentInvoiceController.message(for: .amountOutOfOnlineRange) : nil
        pdfPath = "\(path)/facture.pdf"
        payments = detail.payments.filter { $0.status != .pending || $0.channel != .online }.map { payment in
            PaymentRow(date: FrenchDateTime.text(payment.settledAt ?? payment.createdAt), amount: Euros.format(payment.amountCents),
                       channel: payment.channel.label + (payment.reference.map { ", référence \($0)" } ?? ""),
                       status: payment.status.label, receiptPath: receiptPath(payment))
        }
        hasPayments = !payments.isEmpty
        self.outcome = outcome.map { payment in
            switch payment.status {
            case .paid:
                Notice(text: "Votre paiement de \(Euros.format(payment.amountCents)) est accepté. Merci ! Votre reçu n° \(payment.receiptNumber) vous est aussi envoyé par e-mail.",
                       success: true, receiptPath: receiptPath(payment))
            case .refused:
                Notice(text: "Votre paiement a été refusé. Aucune somme n'a été débitée. Vous pouvez réessayer ou payer auprès de la régie.",
                       success: false, receiptPath: nil)
            case .cancelled:
                Notice(text: "Vous avez abandonné le paiement. Aucune somme n'a été débitée.", success: false, receiptPath: nil)
            case .pending:
                Notice(text: "Votre paiement est en cours de traitement. Revenez sur cette page dans quelques minutes pour en voir le résultat.",
                       success: false, receiptPath: nil)
            }
        }
        self.problem = problem
    }
}
