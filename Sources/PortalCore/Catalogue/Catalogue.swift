import GRDB

/// The catalogue use cases: communes, organisations, procedures, who handles
/// what, and search.
///
/// A catalogue reads all reference data once, at initialisation, into an
/// immutable ``CatalogueSnapshot``; only search reads the database. Create a
/// new catalogue after ``PortalDatabase/reloadReferenceData(from:)``.
public struct Catalogue: Sendable {
    /// The database searched by ``search(_:commune:limit:)``.
    public let database: PortalDatabase
    /// The reference data in memory.
    public let snapshot: CatalogueSnapshot

    /// Reads the reference data of `database`.
    public init(database: PortalDatabase) throws {
        self.database = database
        snapshot = CatalogueSnapshot(try database.pool.read(ReferenceData.fetch))
    }

    /// The communes, sorted by name in French order.
    public func communes() -> [Commune] {
        snapshot.communesByName
    }

    /// The commune with this INSEE code, if it is a member.
    public func commune(insee: String) -> Commune? {
        snapshot.communes[insee]
    }

    /// The organisation with this id.
    public func organisation(id: String) -> Organisation? {
        snapshot.organisations[id]
    }

    /// The organisations of one kind, in file order.
    public func organisations(kind: Organisation.Kind) -> [Organisation] {
        snapshot.data.organisations.filter { $0.kind == kind }
    }

    /// The France Services sites.
    public func franceServicesSites() -> [Organisation] {
        organisations(kind: .franceServices)
    }

    /// The categories, in display order.
    public func categories() -> [Category] {
        snapshot.data.categories
    }

    /// The procedures by category, in display order. For a commune, the
    /// procedures not offered there are kept with `isOffered == false`.
    /// Empty categories are left out.
    public func catalogue(for commune: String?) -> [(Category, [ProcedureSummary])] {
        let byCategory = Dictionary(grouping: snapshot.data.procedures, by: \.categoryId)
        return snapshot.data.categories.compactMap { category in
            guard let procedures = byCategory[category.id], !procedures.isEmpty else { return nil }
            return (category, procedures.map { ProcedureSummary($0, commune: commune) })
        }
    }

    /// The procedure with this slug.
    public func procedure(slug: String) -> Procedure? {
        snapshot.procedures[slug]
    }

    /// The most used procedures, in display order.
    public func popularProcedures() -> [ProcedureSummary] {
        snapshot.data.procedures.filter(\.popular).map { ProcedureSummary($0) }
    }
}
