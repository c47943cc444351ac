/// What the organisation pages show: the list by kind, and the edit form.
extension OrganisationController {
    struct ListView {
        let layout: LayoutContext
        let notice: String?
        let savedPublicPath: String?
        let groups: [ListGroup]
    }

    struct ListGroup {
        let label: String
        let organisations: [ListRow]
    }

    struct ListRow {
        let name: String
        let path: String
        let phone: String
        let toVerify: Bool
    }

    struct FormView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let title: String
        let kind: String
        let publicPath: String?
        let name: FormField
        let shortName: FormField
        let description: FormField
        let address: FormField
        let postalCode: FormField
        let city: FormField
        let phone: FormField
        let email: FormField
        let website: FormField
        let days: [DayField]
        let notes: FormField
        let exceptions: [ExceptionRowView]
        let demoContact: Bool
        let staffNote: FormField
        let action: String
        let cancelPath = AdminPaths.organisations
    }

    /// The periods of one weekday.
    struct DayField {
        let id: String
        let label: String
        let value: String
        let error: String?
    }

    /// One dated exception, its fields and whether it can be taken away.
    struct ExceptionRowView {
        let legend: String
        let date: FormField
        let hours: FormField
        let note: FormField
        let removedId: String
        let removed: Bool
        let canRemove: Bool
    }
}
