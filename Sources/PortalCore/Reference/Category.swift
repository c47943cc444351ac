/// A group of procedures in the catalogue ("État civil", "Enfance"…).
public struct Category: Sendable, Hashable, Codable, Identifiable {
    /// A stable identifier such as `"etat-civil"`.
    public var id: String
    /// The displayed title.
    public var title: String
    /// A short description.
    public var description: String?
    /// An optional icon name.
    public var icon: String?

    /// Creates a category.
    public init(id: String, title: String, description: String? = nil, icon: String? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.icon = icon
    }
}
