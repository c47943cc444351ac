import Foundation
import PortalCore

/// One invoice for the régie's agents: payer, lines, amounts, payments with their receipts, the
/// whole history (reminders, anomalies), and the forms of what its status allows.
struct AgentInvoiceView {
    struct PaymentRow {
        let date: String
        let amount: String
        let channel: String
        let reference: String?
        let status: String
        let receiptPath: String?
        let receiptNumber: String
    }

    struct EventLine {
        let date: String
        let who: String
        let text: String
        let detail: String?
        let isAnomaly: Bool
    }

    /// A radio button of the payment channel.
    struct ChannelChoice {
        let inputId: String
        let value: String
        let label: String
        let checked: Bool
    }

    let layout: LayoutContext
    let csrfToken: String
    let notice: String?
    /// The receipt of the payment just recorded.
    let noticeReceiptPath: String?
    let hasErrors: Bool
    let errors: [FieldErrorLink]
    let number: String
    let regieName: String
    let payerName: String
    let payerEmail: String
    let object: String
    let status: String
    let cancellationReason: String?
    let issuedOn: String
    let dueOn: String
    let overdue: Bool
    let payableOnlineUntil: String
    let externalReference: String?
    let reminderBefore: String?
    let reminderAfter: String?
    let sentToCollection: String?
    let lines: [InvoiceLineView]
    let total: String
    let paid: String
    let remaining: String
    let payments: [PaymentRow]
    let hasPayments: Bool
    let events: [EventLine]
    let hasAnomalies: Bool
    let canRecordPayment: Bool
    let canCancel: Bool
    let canSendToCollection: Bool
    let amount: FormField
    let channelChoices: [ChannelChoice]
    let channelError: String?
    let reference: FormField
    let reason: FormField
    let basePath: String

    /// What an agent typed in the page's forms, kept when one comes back with a mistake.
    struct Typed {
        var amount = ""
        var channel = ""
        var reference = ""
        var reason = ""
    }

    init(_ detail: InvoiceDetail, names: [Int64: String], today: CalendarDay, layout: LayoutContext, csrfToken: String,
         notice: String?, noticeReceiptPath: String?, errors: ValidationErrors, typed: Typed) {
        let invoice = detail.invoice
        basePath = AgentInvoicePaths.invoice(invoice.id)
        self.layout = layout
        self.csrfToken = csrfToken
        self.notice = notice
        self.noticeReceiptPath = noticeReceiptPath
        hasErrors = !errors.isEmpty
        self.errors = errors.links
        number = invoice.number
        regieName = detail.regie.name
        payerName = detail.payerName
        payerEmail = detail.payerEmail
        object = invoice.object
        status = invoice.status.label
        cancellationReason = invoice.cancellationReason
        issuedOn = invoice.issuedOn.french
        dueOn = invoice.dueOn.french
        overdue = invoice.isOverdue(on: today)
        payableOnlineUntil = invoice.payableOnlineUntil.french
        externalReference = invoice.externalReference
        reminderBefore = invoice.reminderBeforeSentAt.map(FrenchDateTime.text)
        reminderAfter = invoice.reminderAfterSentAt.map(FrenchDateTime.text)
        sentToCollection = invoice.sentToCollectionAt.map(FrenchDateTime.text)
        lines = invoice.lines.map(InvoiceLineView.init)
        total = Euros.format(invoice.totalCents)
        paid = Euros.format(invoice.paidCents)
        remaining = Euros.format(invoice.remainingCents)
        payments = detail.payments.map { payment in
            PaymentRow(date: TimelineLine.dateTime(payment.settledAt ?? payment.createdAt), amount: Euros.format(payment.amountCents),
                       channel: payment.channel.label, reference: payment.reference, status: payment.status.label,
                       receiptPath: payment.status == .paid ? AgentInvoicePaths.receipt(invoice.id, payment: payment.id) : nil,
                       receiptNumber: payment.receiptNumber)
        }
        hasPayments = !payments.isEmpty
        events = detail.events.map { event in
            EventLine(date: TimelineLine.dateTime(event.at), who: event.actorId.flatMap { names[$0] } ?? "Le portail",
                      text: event.kind.label, detail: event.text, isAnomaly: event.kind.needsCheck)
        }
        hasAnomalies = events.contains(where: \.isAnomaly)
        canRecordPayment = invoice.status.isOpen
        canCancel = invoice.status == .toPay
        canSendToCollection = invoice.status.isOpen
        amount = FormField(id: "montant", value: typed.amount, error: errors["montant"])
        channelChoices = PaymentChannel.counterChannels.enumerated().map { index, channel in
            ChannelChoice(inputId: index == 0 ? "moyen" : "moyen-\(channel.rawValue)", value: channel.rawValue, label: channel.label,
                          checked: typed.channel == channel.rawValue)
        }
        channelError = errors["moyen"]
        reference = FormField(id: "reference", value: typed.reference, error: errors["reference"])
        reason = FormField(id: "motif", value: typed.reason, error: errors["motif"])
    }
}
