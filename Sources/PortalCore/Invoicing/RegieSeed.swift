import Foundation
import GRDB

/// The régies shipped with the portal, in `seed/regies.json`. Each start adds those missing
/// from the database; a régie already there keeps its settings (its PayFiP client number and
/// mode are the administrator's to change).
public enum RegieSeed {
    /// A régie file that cannot be read or installed, with what is wrong.
    public struct Problem: Error, CustomStringConvertible {
        public let reasons: [String]
        public var description: String { "regies.json: " + reasons.joined(separator: "; ") }
    }

    private struct File: Decodable {
        struct Entry: Decodable {
            var id: String
            var organisation: String
            var name: String
            var payfipClientNumber: String
            var payfipMode: PayFiPMode
            var numberingCode: String
        }
        var regies: [Entry]
    }

    /// Reads and checks the régies of `file` against the catalogue's organisations.
    public static func load(from file: URL, catalogue: Catalogue) throws -> [Regie] {
        let decoded: File
        do {
            decoded = try JSONDecoder().decode(File.self, from: Data(contentsOf: file))
        } catch {
            throw Problem(reasons: ["\(error)"])
        }
        let regies = decoded.regies.map {
            Regie(id: $0.id, organisationId: $0.organisation, name: $0.name, payfipClientNumber: $0.payfipClientNumber,
                  payfipMode: $0.payfipMode, numberingCode: $0.numberingCode)
        }
        var reasons = regies.flatMap(\.problems)
        for regie in regies where catalogue.organisation(id: regie.organisationId) == nil {
            reasons.append("régie \(regie.id): unknown organisation \"\(regie.organisationId)\"")
        }
        if Set(regies.map(\.id)).count != regies.count { reasons.append("two régies have the same id") }
        if Set(regies.map(\.numberingCode)).count != regies.count { reasons.append("two régies have the same numbering code") }
        guard reasons.isEmpty else { throw Problem(reasons: reasons) }
        return regies
    }

    /// Adds the régies of `file` missing from the database; returns the ids added.
    @discardableResult
    public static func install(from file: URL, catalogue: Catalogue, into database: PortalDatabase) throws -> [String] {
        let regies = try load(from: file, catalogue: catalogue)
        return try database.pool.write { db in
            try regies.compactMap { regie in
                try db.execute(
                    sql: """
                        INSERT INTO regie (id, organisationId, name, payfipClientNumber, payfipMode, numberingCode)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                        """,
                    arguments: [regie.id, regie.organisationId, regie.name, regie.payfipClientNumber, regie.payfipMode.rawValue,
                                regie.numberingCode])
                return db.changesCount > 0 ? regie.id : nil
            }
        }
    }
}
