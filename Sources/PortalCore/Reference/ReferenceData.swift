import Foundation

/// The reference data of the portal: the communes, the organisations and the
/// catalogue of procedures, as read from the seed folder.
public struct ReferenceData: Sendable, Hashable {
    /// The file names read from the seed folder.
    public enum FileName {
        /// The communes, one CSV row each.
        public static let communes = "communes.csv"
        /// The organisations (JSON).
        public static let organisations = "organisations.json"
        /// The categories and procedures (JSON).
        public static let procedures = "procedures.json"
    }

    /// The member communes, in file order.
    public var communes: [Commune]
    /// The organisations, in file order.
    public var organisations: [Organisation]
    /// The catalogue categories, in display order.
    public var categories: [Category]
    /// The procedures, in display order.
    public var procedures: [Procedure]

    /// Creates reference data from already validated values.
    public init(communes: [Commune], organisations: [Organisation], categories: [Category], procedures: [Procedure]) {
        self.communes = communes
        self.organisations = organisations
        self.categories = categories
        self.procedures = procedures
    }

    /// Reads and validates `communes.csv`, `organisations.json` and
    /// `procedures.json` from `directory`.
    ///
    /// - throws: A ``ReferenceDataError`` listing every problem found, each
    ///   naming its file and entry.
    public static func load(from directory: URL) throws(ReferenceDataError) -> ReferenceData {
        var parser = ReferenceDataParser()
        let communeRows = parser.parseCommunes(parser.read(FileName.communes, in: directory))
        let organisations = parser.parseOrganisations(parser.read(FileName.organisations, in: directory), communes: communeRows)
        let catalogue = parser.parseProcedures(
            parser.read(FileName.procedures, in: directory), communes: communeRows, organisations: organisations)
        if !parser.issues.isEmpty {
            throw ReferenceDataError(issues: parser.issues)
        }
        return ReferenceData(
            communes: communeRows, organisations: organisations,
            categories: catalogue.categories, procedures: catalogue.procedures)
    }
}
