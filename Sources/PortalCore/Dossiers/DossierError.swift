/// Why a dossier use case refused.
public enum DossierError: Error, Sendable, Hashable {
    /// The dossier does not exist or the account may not see it (answered 404).
    case notFound
    /// The procedure has no online form.
    case procedureNotOnline
    /// The procedure is not offered in the resident's commune.
    case notOfferedInCommune(note: String?)
    /// The action makes no sense in the dossier's status.
    case invalidTransition(from: DossierStatus)
    /// A refusal or a closing without its reason.
    case reasonRequired
    /// A page still has unanswered questions.
    case incomplete(pageId: String)
    /// The form has mistakes, to show next to the fields.
    case invalid(ValidationErrors)
    /// A message or note without text.
    case textRequired
    /// A message or note over the length limit.
    case textTooLong(maximum: Int)
    /// A document asked for by a date already past.
    case dueDateInThePast
    /// A document request already answered.
    case documentAlreadySupplied
    /// Neither a new document nor one sent before was given.
    case documentMissing
    /// A document request with nothing to review yet.
    case documentNotSupplied
    /// An answer ends the form: it cannot be filed.
    case endedByAnswer(FormEnding)
}

extension DossierError: DomainError {
    public var kind: ErrorKind {
        switch self {
        case .notFound, .procedureNotOnline, .notOfferedInCommune: .notFound
        case .invalidTransition, .documentAlreadySupplied, .endedByAnswer: .conflict
        case .reasonRequired, .incomplete, .invalid, .textRequired, .textTooLong, .dueDateInThePast, .documentMissing,
             .documentNotSupplied: .invalid
        }
    }
}
