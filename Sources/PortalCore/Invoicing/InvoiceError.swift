/// Why an invoice use case refused.
public enum InvoiceError: Error, Sendable, Hashable {
    /// The invoice does not exist or the account may not see it (answered 404).
    case notFound
    /// The form or the CSV line has mistakes, to show next to the fields.
    case invalid(ValidationErrors)
    /// Nothing remains to pay, or the invoice is cancelled or with the public accountant.
    case notPayable(InvoiceStatus)
    /// Past the last day it could be paid on the portal.
    case onlinePaymentClosed(since: CalendarDay)
    /// Below PayFiP's minimum (1 €) or above its maximum.
    case amountOutOfOnlineRange
    /// Another online payment of this invoice is being set up right now.
    case paymentInProgress
    /// The payment provider did not answer; nothing was charged.
    case providerUnavailable
    /// The action makes no sense in the invoice's status.
    case invalidTransition(from: InvoiceStatus)
    /// A cancellation without its reason.
    case reasonRequired
}

extension InvoiceError: DomainError {
    public var kind: ErrorKind {
        switch self {
        case .notFound: .notFound
        case .invalid, .amountOutOfOnlineRange, .reasonRequired: .invalid
        case .notPayable, .onlinePaymentClosed, .paymentInProgress, .invalidTransition: .conflict
        case .providerUnavailable: .unavailable
        }
    }
}
