import Foundation

/// All reference data, read once and indexed in memory, so that catalogue
/// pages are served without touching the database.
public struct CatalogueSnapshot: Sendable {
    /// The reference data, in display order.
    public let data: ReferenceData
    /// Counts the changes made since the server started: pages rendered from an older version are stale.
    public let version: Int
    /// How many imports the database had seen when this snapshot was read (``Catalogue/followImports()``).
    let importRevision: String?
    /// The communes sorted by name, French order (case and accents ignored).
    public let communesByName: [Commune]

    let communes: [String: Commune]
    let organisations: [String: Organisation]
    let procedures: [String: Procedure]
    /// Each former address of a procedure, to its current slug.
    let formerSlugs: [String: String]

    /// Indexes `data`, the `version`-th state of the reference data.
    public init(_ data: ReferenceData, version: Int = 0) {
        self.init(data, version: version, importRevision: nil)
    }

    init(_ data: ReferenceData, version: Int, importRevision: String?) {
        self.data = data
        self.version = version
        self.importRevision = importRevision
        communesByName = data.communes.sorted { lhs, rhs in
            let (left, right) = (FrenchOrder.key(lhs.name), FrenchOrder.key(rhs.name))
            return left == right ? lhs.name < rhs.name : left < right
        }
        communes = Dictionary(data.communes.map { ($0.insee, $0) }, uniquingKeysWith: { first, _ in first })
        organisations = Dictionary(data.organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        procedures = Dictionary(data.procedures.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        formerSlugs = Dictionary(data.procedures.flatMap { procedure in procedure.formerSlugs.map { ($0, procedure.slug) } },
                                 uniquingKeysWith: { first, _ in first })
    }
}

/// Sorting keys for French names: case and accents do not count, and hyphens
/// sort like spaces ("Château-la-Vallière" between "Channay" and "Cinq-Mars").
enum FrenchOrder {
    static func key(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
            .replacingOccurrences(of: "-", with: " ")
            .replacingOccurrences(of: "œ", with: "oe")
    }
}
