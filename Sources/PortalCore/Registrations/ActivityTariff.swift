/// What a registration to an activity costs for its period, by family-quotient band when the
/// service uses one.
public struct ActivityTariff: Sendable, Hashable, Codable {
    /// One band: up to this quotient (nil: above every other band), this price.
    public struct Band: Sendable, Hashable, Codable {
        public var maxQuotient: Int?
        public var cents: Int

        public init(maxQuotient: Int?, cents: Int) {
            self.maxQuotient = maxQuotient
            self.cents = cents
        }
    }

    /// The invoice line's label ("Forfait annuel").
    public var label: String
    /// Bands by increasing quotient, the last without a ceiling; one band for a single price.
    public var bands: [Band]

    public init(label: String, bands: [Band]) {
        self.label = label
        self.bands = bands
    }

    /// The price for a household's quotient; without a valid statement, the highest band's.
    public func price(forQuotient quotient: Int?) -> Int {
        guard let quotient else { return bands.last?.cents ?? 0 }
        return (bands.first { $0.maxQuotient.map { quotient <= $0 } ?? true } ?? bands.last)?.cents ?? 0
    }

    /// What is wrong with the bands, for the seed's checks.
    var problems: [String] {
        var problems: [String] = []
        if bands.isEmpty { problems.append("a tariff needs at least one band") }
        if bands.last?.maxQuotient != nil { problems.append("the last band has no ceiling") }
        let ceilings = bands.dropLast().compactMap(\.maxQuotient)
        if ceilings.count != bands.count - 1 || ceilings != ceilings.sorted() || Set(ceilings).count != ceilings.count {
            problems.append("the bands' ceilings must increase")
        }
        if bands.contains(where: { $0.cents <= 0 }) { problems.append("prices must be positive") }
        return problems
    }
}
