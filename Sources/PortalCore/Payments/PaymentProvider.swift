/// An online card payment service speaking PayFiP's protocol: the DGFiP's PayFiP itself, or
/// the built-in simulator. Calls block until the provider answers.
public protocol PaymentProvider: Sendable {
    /// Registers a payment (`creerPaiementSecurise`) and returns its operation id (`idOp`).
    func createPayment(_ order: PayFiPOrder) throws(PaymentProviderError) -> String
    /// Where to send the payer for operation `idOp`.
    func paymentPageURL(operationId: String) -> String
    /// The details of a finished operation (`recupererDetailPaiementSecurise`); throws
    /// ``PaymentProviderError/inProgress`` while the payer has not finished.
    func details(operationId: String) throws(PaymentProviderError) -> PayFiPTransaction
}

/// Why a payment provider did not give what was asked.
public enum PaymentProviderError: Error, Sendable, Hashable {
    /// The operation is still in progress at the provider (PayFiP's functional error `P5`).
    case inProgress
    /// The provider refused the request (a functional error with its code and label).
    case refused(code: String, label: String)
    /// The provider did not answer, or answered something that is not its protocol.
    case unavailable(String)
}

extension PaymentProviderError: DomainError {
    public var kind: ErrorKind {
        switch self {
        case .inProgress, .refused: .conflict
        case .unavailable: .unavailable
        }
    }
}
