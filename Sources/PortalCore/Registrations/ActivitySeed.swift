import Foundation
import GRDB

/// The activities shipped with the portal, in `seed/activities.json`. Each start installs them
/// missing from the database; once there, an activity is kept in `/admin/activites`, never overwritten by the file.
public enum ActivitySeed {
    /// An activity file that cannot be read or installed, with what is wrong.
    public struct Problem: Error, CustomStringConvertible {
        public let reasons: [String]
        public var description: String { "activities.json: " + reasons.joined(separator: "; ") }
    }

    private struct File: Decodable {
        var activities: [Activity]
    }

    /// Reads and checks the activities of `file` against the catalogue and the régies.
    public static func load(from file: URL, catalogue: Catalogue, regieIds: Set<String>) throws -> [Activity] {
        let activities: [Activity]
        do {
            activities = try JSONDecoder().decode(File.self, from: Data(contentsOf: file)).activities
        } catch {
            throw Problem(reasons: ["\(error)"])
        }
        var reasons: [String] = []
        let communes = Set(catalogue.communes().map(\.insee))
        for activity in activities {
            let place = "activity \(activity.id)"
            if catalogue.organisation(id: activity.organisationId) == nil { reasons.append("\(place): unknown organisation") }
            if let regie = activity.regieId, !regieIds.contains(regie) { reasons.append("\(place): unknown régie \(regie)") }
            if activity.tariff != nil, activity.regieId == nil { reasons.append("\(place): a priced activity needs a régie") }
            reasons += (activity.tariff?.problems ?? []).map { "\(place): \($0)" }
            if !(activity.opensOn <= activity.closesOn && activity.startsOn <= activity.endsOn) { reasons.append("\(place): dates out of order") }
            if activity.minAgeMonths > activity.maxAgeMonths || activity.capacity < 1 { reasons.append("\(place): ages or capacity") }
            for commune in activity.communes where !communes.contains(commune) { reasons.append("\(place): unknown commune \(commune)") }
        }
        if Set(activities.map(\.id)).count != activities.count { reasons.append("two activities have the same id") }
        guard reasons.isEmpty else { throw Problem(reasons: reasons) }
        return activities
    }

    /// Installs the activities of `file` missing from the database (one already there keeps what
    /// `/admin/activites` made of it); returns how many the file holds.
    @discardableResult
    public static func install(from file: URL, catalogue: Catalogue, into database: PortalDatabase) throws -> Int {
        let regies = Set(try database.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM regie") })
        let activities = try load(from: file, catalogue: catalogue, regieIds: regies)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try database.pool.write { db in
            for activity in activities {
                try db.execute(sql: """
                    INSERT INTO activity (id, organisationId, definition) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO NOTHING
                    """, arguments: [activity.id, activity.organisationId, String(decoding: try encoder.encode(activity), as: UTF8.self)])
            }
            return activities.count
        }
    }
}
