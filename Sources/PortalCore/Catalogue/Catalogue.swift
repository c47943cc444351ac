import Foundation
import GRDB
import Synchronization

/// The catalogue use cases: communes, organisations, procedures, who handles
/// what, and search.
///
/// A catalogue reads all reference data at initialisation into an immutable
/// ``CatalogueSnapshot``; only search reads the database. An administrator's
/// change writes the database, then replaces the snapshot that every copy of
/// this catalogue shares, so pages show it at once.
public struct Catalogue: Sendable {
    /// The database searched by ``search(_:commune:limit:)``.
    public let database: PortalDatabase
    /// The snapshot shared by every copy of this catalogue.
    private let current: Current
    /// Today in France, which decides the procedures in their publication window.
    public let today: @Sendable () -> CalendarDay

    /// Reads the reference data of `database`; `today` is the clock of publication windows.
    public init(database: PortalDatabase, today: @escaping @Sendable () -> CalendarDay = { CalendarDay(Date()) }) throws {
        self.database = database
        self.today = today
        current = Current(try database.pool.read { db in
            CatalogueSnapshot(try ReferenceData.fetch(db), version: 0, importRevision: try Self.importRevision(db))
        })
    }

    /// The reference data in memory, as of the last change.
    public var snapshot: CatalogueSnapshot {
        current.snapshot.withLock { $0 }
    }

    /// Reads the reference data again after a change was committed; its version follows.
    ///
    /// The read happens under the lock, so that of two changes made together the later snapshot
    /// holds both.
    func reload() throws {
        try current.snapshot.withLock { snapshot in
            snapshot = try database.pool.read { db in
                CatalogueSnapshot(try ReferenceData.fetch(db), version: snapshot.version + 1, importRevision: try Self.importRevision(db))
            }
        }
    }

    /// Reads the reference data again when `import-reference --apply` changed it since (another
    /// process, the server's periodic check); returns whether it did.
    public func followImports() throws -> Bool {
        let revision = try database.pool.read(Self.importRevision)
        guard revision != snapshot.importRevision else { return false }
        try reload()
        return true
    }

    private static func importRevision(_ db: Database) throws -> String? {
        try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [PortalDatabase.referenceRevisionSetting])
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The one snapshot copies of a catalogue share.
    private final class Current: Sendable {
        let snapshot: Mutex<CatalogueSnapshot>
        init(_ snapshot: CatalogueSnapshot) { self.snapshot = Mutex(snapshot) }
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
        let byCategory = Dictionary(grouping: visibleProcedures(), by: \.categoryId)
        return snapshot.data.categories.compactMap { category in
            guard let procedures = byCategory[category.id], !procedures.isEmpty else { return nil }
            return (category, procedures.map { ProcedureSummary($0, commune: commune) })
        }
    }

    /// The procedure with this slug, published or not (its dossiers need it either way).
    public func procedure(slug: String) -> Procedure? {
        snapshot.procedures[slug]
    }

    /// The slug a procedure has now that had the address `/demarches/{slug}` before, for a redirect.
    public func renamedProcedure(from slug: String) -> String? {
        snapshot.formerSlugs[slug]
    }

    /// The procedure with this slug, when residents may see it today (published, in its window).
    public func publishedProcedure(slug: String) -> Procedure? {
        snapshot.procedures[slug].flatMap { $0.isVisible(on: today()) ? $0 : nil }
    }

    /// The most used procedures residents see today, in display order.
    public func popularProcedures() -> [ProcedureSummary] {
        visibleProcedures().filter(\.popular).map { ProcedureSummary($0) }
    }

    /// The procedures residents see today, in display order.
    func visibleProcedures() -> [Procedure] {
        let day = today()
        return snapshot.data.procedures.filter { $0.isVisible(on: day) }
    }
}
