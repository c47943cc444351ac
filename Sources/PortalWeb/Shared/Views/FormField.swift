import PortalCore

/// One form field as the templates show it: its id (also its name), the answer to keep, its error.
struct FormField {
    let id: String
    let value: String
    let error: String?
}

/// One line of an error summary, linking to the field it is about.
struct FieldErrorLink {
    let field: String
    let message: String
}

extension ValidationErrors {
    /// The messages as the error summary links them, in form order.
    var links: [FieldErrorLink] {
        errors.map { FieldErrorLink(field: $0.field, message: $0.message) }
    }
}
