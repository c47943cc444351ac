import PortalCore

// The agent's dossier page as its template reads it.
extension AgentDossierController {
    /// A form of an action that needs its reason (`motif`, its input `motif-{value}`).
    struct ReasonForm {
        let value: String
        let label: String
        let reason: FormField
    }

    struct Colleague {
        let id: Int64
        let name: String
        let selected: Bool
    }

    struct EventLine {
        let date: String
        let who: String
        let text: String
        let detail: String?
        let isInternal: Bool
        let attachmentName: String?
        let attachmentPath: String?
    }

    struct RequestLine {
        let id: Int64
        let label: String
        let explanation: String
        let dueOn: String
        let statusText: String
        let documentPath: String?
        let canReview: Bool
        /// The reason of a refusal (its input `motif-piece-{id}`).
        let reason: FormField
    }

    struct DossierView {
        let layout: LayoutContext
        let documentRequests: [RequestLine]
        let hasDocumentRequests: Bool
        let canRequestDocuments: Bool
        /// The document request's form: `libelle`, `explication`, `echeance`.
        let requestLabel: FormField
        let requestExplanation: FormField
        let requestDue: DateFieldView
        let csrfToken: String
        let notice: String?
        let hasErrors: Bool
        let errors: [FilingController.ErrorLink]
        let reference: String
        let procedureTitle: String
        let status: String
        let residentName: String
        let commune: String
        let filedAt: String
        /// "En ligne", "Au guichet France Services".
        let channel: String
        let dueOn: String
        let answers: [AnswerRow]
        let actions: [Action]
        let reasonActions: [ReasonForm]
        let colleagues: [Colleague]
        let timeline: [EventLine]
        let message: FormField
        let note: FormField
        let basePath: String
    }

    /// The due date of a document request, its example `example`, as typed.
    static func dueField(example: CalendarDay, typed: [String: String], error: String?) -> DateFieldView {
        DateFieldView(id: "echeance", legend: "Date limite", hint: "Par exemple : \(example.day) \(example.month) \(example.year)",
                      day: typed["echeance-day"] ?? "", month: typed["echeance-month"] ?? "", year: typed["echeance-year"] ?? "",
                      error: error)
    }
}
