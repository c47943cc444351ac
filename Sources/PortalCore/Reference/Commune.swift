/// One of the 28 member communes of the CCTOVAL, identified by its INSEE code.
public struct Commune: Sendable, Hashable, Codable, Identifiable {
    /// The INSEE code (code officiel géographique), for example `"37123"` for Langeais.
    public var insee: String
    /// The official name, with accents, for example `"Cléré-les-Pins"`.
    public var name: String
    /// La Poste postal codes; most communes have one, a commune nouvelle may have several.
    public var postalCodes: [String]
    /// The commune's SIREN number.
    public var siren: String
    /// The municipal population (2017 list).
    public var population: Int
    /// The id of the commune's mairie organisation (`"mairie-<INSEE>"`).
    public var mairieId: String

    /// The INSEE code.
    public var id: String { insee }

    /// Creates a commune.
    public init(insee: String, name: String, postalCodes: [String], siren: String, population: Int, mairieId: String) {
        self.insee = insee
        self.name = name
        self.postalCodes = postalCodes
        self.siren = siren
        self.population = population
        self.mairieId = mairieId
    }
}
