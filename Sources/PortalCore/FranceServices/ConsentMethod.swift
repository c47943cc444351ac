/// How the resident gave their consent to a mandate.
public enum ConsentMethod: String, Sendable, Hashable, CaseIterable {
    /// The terms read to them, and their signature on the printed summary.
    case signedSummary = "signature"
    /// A one-time code sent to their e-mail, which they read to the adviser.
    case emailedCode = "code"

    public var label: String {
        switch self {
        case .signedSummary: "Lecture du mandat et signature du récapitulatif imprimé"
        case .emailedCode: "Code à usage unique envoyé par e-mail à l'habitant"
        }
    }
}
