/// What the catalogue's pages show: the procedures by theme, and one procedure's form.
extension ProcedureController {
    struct ListView {
        let layout: LayoutContext
        let notice: String?
        let groups: [ListGroup]
        let newPath = AdminPaths.newProcedure
    }

    struct ListGroup {
        let title: String
        let procedures: [ListRow]
    }

    struct ListRow {
        let title: String
        let path: String
        let handler: String
        let exceptions: String
        let state: String
    }

    /// Deleting a procedure: what it does, or why it cannot be.
    struct DeletionView {
        let layout: LayoutContext
        let csrfToken: String
        let error: String?
        let procedure: String
        let deletable: Bool
        let reason: String
        let action: String
        let cancelPath: String
    }

    /// One commune of the handler table: its rule as typed, and who handles it for residents today.
    struct CommuneRow {
        let name: String
        let id: String
        let notOffered: Bool
        let mairies: [Choice]
        let services: [Choice]
        let outside: [Choice]
        let note: FormField
        let error: String?
        let today: String
    }

    struct FormView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let heading: String
        /// Creating a procedure: its address is chosen, and there is nothing to publish yet.
        let creating: Bool
        /// The address typed when creating; nil on an existing procedure.
        let slug: FormField?
        /// An existing procedure's address, changed in its own form; nil when creating.
        let address: FormField?
        let addressPath: String
        let deletionPath: String
        /// "Ancienne adresse qui y mène : /demarches/a", when it had others.
        let formerAddresses: String?
        let previewCommunes: [Choice]
        /// Where the form is posted to preview it; nil when creating.
        let previewPath: String?
        let isPublished: Bool
        let publicPath: String?
        /// "Publiée du … au … (pas encore visible)", for a published procedure outside its window.
        let outOfWindow: String?
        let title: FormField
        let summary: FormField
        let description: FormField
        let categories: [Choice]
        let categoryError: String?
        let synonyms: FormField
        let documents: FormField
        let cost: FormField
        let delay: FormField
        let channels: [Choice]
        let channelsError: String?
        let onlineURL: FormField
        let howTo: FormField
        let popular: Bool
        let handlerTypes: [Choice]
        let handlerTypeError: String?
        let services: [Choice]
        let servicesError: String?
        let outside: [Choice]
        let outsideError: String?
        let counters: [Choice]
        let communes: [CommuneRow]
        let silence: [Choice]
        let silenceError: String?
        let silenceMonths: FormField
        let staffNote: FormField
        let publishedFrom: FormField
        let publishedUntil: FormField
        let action: String
        let publicationPath: String
        let cancelPath = AdminPaths.procedures
    }
}
