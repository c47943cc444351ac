/// An online form, stored as data (JSON) and versioned.
///
/// A dossier keeps the version it was filed with, so publishing a new version never
/// changes the questions or answers of older dossiers. A form is a sequence of pages; each
/// page groups a few questions under a title (GOV.UK "one thing per page"), and pages or
/// single fields may be shown only when an earlier answer has a given value.
public struct FormDefinition: Codable, Sendable, Hashable {
    /// The procedure this form files requests for.
    public var procedureSlug: String
    /// Increases with each published change; dossiers record the version they used.
    public var version: Int
    /// The pages, in the order they are asked.
    public var pages: [FormPage]

    public init(procedureSlug: String, version: Int, pages: [FormPage]) {
        self.procedureSlug = procedureSlug
        self.version = version
        self.pages = pages
    }

    /// The page with this id.
    public func page(id: String) -> FormPage? {
        pages.first { $0.id == id }
    }

    /// Every field of every page, in order.
    public var allFields: [FieldDefinition] {
        pages.flatMap(\.fields)
    }
}

/// One page of a form: a title (the page's heading) and its fields.
public struct FormPage: Codable, Sendable, Hashable, Identifiable {
    /// Stable within the form; used in URLs.
    public var id: String
    /// The heading; when the page asks a single question, this is the question.
    public var title: String
    /// An optional paragraph under the heading.
    public var intro: String?
    public var fields: [FieldDefinition]
    /// The page is asked only when this holds.
    public var condition: ShowCondition?

    public init(id: String, title: String, intro: String? = nil, fields: [FieldDefinition], condition: ShowCondition? = nil) {
        self.id = id
        self.title = title
        self.intro = intro
        self.fields = fields
        self.condition = condition
    }
}

/// Shows a page or a field only when an earlier answer is one of some values.
public struct ShowCondition: Codable, Sendable, Hashable {
    /// The id of the earlier field.
    public var field: String
    /// The values that show the page or field (for a multiple choice: any of them ticked).
    public var isOneOf: [String]

    public init(field: String, isOneOf: [String]) {
        self.field = field
        self.isOneOf = isOneOf
    }

    /// Whether the condition holds for `answers`.
    public func holds(for answers: FormAnswers) -> Bool {
        guard let answer = answers[field] else { return false }
        return !Set(answer.comparableValues).isDisjoint(with: isOneOf)
    }
}
