/// What a list of procedures shows for one entry, possibly for one commune.
public struct ProcedureSummary: Sendable, Hashable, Identifiable {
    /// The procedure's slug.
    public var slug: String
    /// The procedure's title.
    public var title: String
    /// The id of the procedure's category.
    public var categoryId: String
    /// One sentence.
    public var summary: String
    /// True when the procedure is among the most used.
    public var popular: Bool
    /// True when the procedure can be started online.
    public var isOnline: Bool
    /// False when the procedure is not offered in the commune the list was made for.
    public var isOffered: Bool
    /// The commune exception's note, when an exception applies to that commune.
    public var note: String?

    /// The slug.
    public var id: String { slug }

    /// Creates the summary of a procedure, for a commune when `commune` is given.
    public init(_ procedure: Procedure, commune insee: String? = nil) {
        let exception = insee.flatMap(procedure.exception(forCommune:))
        slug = procedure.slug
        title = procedure.title
        categoryId = procedure.categoryId
        summary = procedure.summary
        popular = procedure.popular
        isOnline = procedure.isOnline
        isOffered = exception?.rule != .notOffered
        note = exception?.note
    }
}
