import Foundation
import GRDB

/// A full-territory data set for load benchmarks: one resident account per
/// inhabitant-equivalent, spread over the communes by their population.
///
/// Seeding is fast on purpose: the password is hashed **once** (with the
/// hasher's parameters, production ones by default) and that hash is reused for
/// every account, and rows go in through one prepared statement inside large
/// transactions. Seeded accounts are recognised by their e-mail domain
/// (``emailDomain``); a database that already holds them is left untouched.
///
/// Each resident's dossiers follow (``installDossiers(into:count:now:seed:)``): 300,000 at full
/// scale. Invoices will join the data set once that table exists.
public enum ScaleData {
    /// The password of every seeded resident.
    public static let password = "charge-portail-2026"
    /// The e-mail domain of every seeded resident.
    public static let emailDomain = "charge.cctoval.fr"
    /// The full-territory number of residents.
    public static let fullTerritoryResidents = 33_000
    /// Rows written per transaction.
    static let batchSize = 10_000

    /// What ``install(into:residents:dossiers:hasher:now:)`` did.
    public struct Report: Sendable, Equatable {
        /// Residents created by this call (0 when the data set was already there).
        public var created: Int
        /// Seeded residents in the database after the call.
        public var total: Int
        /// Seeded residents per commune INSEE code, after the call.
        public var perCommune: [String: Int]
        /// Their dossiers.
        public var dossiers = DossierReport(created: 0, total: 0, perStatus: [:])
    }

    /// The login of the `number`th seeded resident (1-based).
    public static func email(resident number: Int) -> String {
        "habitant.\(number)@\(emailDomain)"
    }

    /// Creates `residents` resident accounts spread over the communes in
    /// proportion to their population (largest remainders, so the counts add
    /// up exactly), then `dossiers` dossiers for them (by default the full-territory ratio, about
    /// 9 per resident; see ``installDossiers(into:count:now:seed:)``, which needs the forms
    /// published). Residents and dossiers are each written only when none are seeded yet.
    ///
    /// - throws: ``ReferenceDataError`` when the database holds no communes
    ///   (load the reference data first), or a database or hashing error.
    public static func install(
        into database: PortalDatabase, residents: Int = fullTerritoryResidents, dossiers: Int? = nil,
        hasher: PasswordHasher = PasswordHasher(), now: Date = Date()
    ) throws -> Report {
        let communes = try Catalogue(database: database).communes()
        guard !communes.isEmpty else {
            throw ReferenceDataError(issues: [.init(file: ReferenceData.FileName.communes, entry: "communes",
                                                    message: "no commune loaded: load the reference data first")])
        }
        let existing = try seededCounts(in: database)
        guard existing.isEmpty else {
            let total = existing.values.reduce(0, +)
            let seeded = try installDossiers(into: database, count: dossiers ?? defaultDossiers(forResidents: total), now: now)
            return Report(created: 0, total: total, perCommune: existing, dossiers: seeded)
        }
        let shares = apportion(residents, weights: communes.map { ($0.insee, $0.population) })
        let passwordHash = try hasher.hash(password)
        var pending = shares.flatMap { insee, count in repeatElement(insee, count: count) }[...]
        var number = 0
        while !pending.isEmpty {
            let batch = pending.prefix(batchSize)
            pending = pending.dropFirst(batch.count)
            try database.pool.write { db in
                let statement = try db.makeStatement(sql: """
                    INSERT INTO account (email, displayName, communeInsee, role, organisationId, passwordHash, createdAt)
                    VALUES (?, ?, ?, 'resident', NULL, ?, ?)
                    """)
                for insee in batch {
                    number += 1
                    try statement.execute(arguments: [email(resident: number), displayName(resident: number),
                                                      insee, passwordHash, now])
                }
            }
        }
        let counts = try seededCounts(in: database)
        let total = counts.values.reduce(0, +)
        let seeded = try installDossiers(into: database, count: dossiers ?? defaultDossiers(forResidents: total), now: now)
        return Report(created: number, total: total, perCommune: counts, dossiers: seeded)
    }

    /// Splits `total` over `weights` by the largest-remainder method; every
    /// key appears, in the given order.
    static func apportion(_ total: Int, weights: [(key: String, weight: Int)]) -> [(key: String, count: Int)] {
        let sum = weights.reduce(0) { $0 + max($1.weight, 0) }
        guard sum > 0 else { return weights.map { ($0.key, 0) } }
        var counts = weights.map { max($0.weight, 0) * total / sum }
        let remainders = weights.indices.sorted { a, b in
            let ra = max(weights[a].weight, 0) * total % sum, rb = max(weights[b].weight, 0) * total % sum
            return ra != rb ? ra > rb : a < b
        }
        for index in remainders.prefix(total - counts.reduce(0, +)) { counts[index] += 1 }
        return zip(weights, counts).map { ($0.key, $1) }
    }

    private static let givenNames = ["Camille", "Louis", "Emma", "Hugo", "Léa", "Jules", "Chloé", "Gabriel",
                                     "Manon", "Arthur", "Inès", "Nathan", "Zoé", "Paul", "Lina", "Théo"]
    static let familyNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
                                      "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel",
                                      "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"]

    /// A plausible, deterministic name for the `number`th resident.
    static func displayName(resident number: Int) -> String {
        "\(givenNames[number % givenNames.count]) \(familyNames[(number / givenNames.count) % familyNames.count])"
    }

    private static func seededCounts(in database: PortalDatabase) throws -> [String: Int] {
        try database.pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT communeInsee, COUNT(*) AS n FROM account WHERE email LIKE ? GROUP BY communeInsee
                """, arguments: ["%@" + emailDomain])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["communeInsee"] as String, $0["n"] as Int) })
        }
    }
}
