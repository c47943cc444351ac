/// What can happen to a dossier. The core refuses actions that make no sense in the
/// dossier's status, whatever the interface shows.
public enum DossierAction: Sendable, Hashable {
    /// The resident files the draft.
    case submit
    /// An agent takes the dossier in charge.
    case takeInCharge
    /// An agent asks for missing documents.
    case requestDocuments
    /// Every requested document has been accepted: back to review.
    case documentsComplete
    case accept
    /// A refusal always gives its reason.
    case refuse(reason: String)
    /// Closing without follow-up always gives its reason.
    case closeWithoutFollowUp(reason: String)
    /// An agent reopens a closed dossier.
    case reopen

    /// The status this action leads to from `status`, or nil when it makes no sense there.
    public func target(from status: DossierStatus) -> DossierStatus? {
        switch (self, status) {
        case (.submit, .draft): .filed
        case (.takeInCharge, .filed): .inReview
        case (.requestDocuments, .filed), (.requestDocuments, .inReview): .awaitingDocuments
        case (.documentsComplete, .awaitingDocuments): .inReview
        case (.accept, .filed), (.accept, .inReview): .accepted
        case (.refuse, .filed), (.refuse, .inReview), (.refuse, .awaitingDocuments): .refused
        case (.closeWithoutFollowUp, .filed), (.closeWithoutFollowUp, .inReview), (.closeWithoutFollowUp, .awaitingDocuments):
            .closedWithoutFollowUp
        case (.reopen, .accepted), (.reopen, .refused), (.reopen, .closedWithoutFollowUp): .inReview
        default: nil
        }
    }

    /// The reason an action needs, when it needs one.
    public var reason: String? {
        switch self {
        case .refuse(let reason), .closeWithoutFollowUp(let reason): reason
        default: nil
        }
    }
}
