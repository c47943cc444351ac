import Foundation
import GRDB

/// How full an activity is, for its agents' list.
public struct ActivityOccupancy: Sendable, Hashable {
    public var activity: Activity
    public var confirmed: Int
    public var waiting: Int
}

/// One registration on an activity's list for its agents: the member as the household describes
/// them, and the adult who registered, to reach the family.
public struct RosterEntry: Sendable, Hashable {
    public var registration: Registration
    public var member: HouseholdMember
    public var adultName: String
    public var adultEmail: String
}

extension Registrations {
    /// The activities an agent's organisations run, by title, with their confirmed and waiting counts.
    public func occupancy(of actor: Account?) throws -> [ActivityOccupancy] {
        let activities = try activities(of: actor)
        return try database.pool.read { db in
            var counts: [String: [RegistrationStatus: Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT activityId, status, COUNT(*) AS count FROM registration
                WHERE activityId IN (\(SQLList.placeholders(activities.count))) AND status IN (?, ?)
                GROUP BY activityId, status
                """, arguments: StatementArguments(activities.map(\.id))
                    + [RegistrationStatus.confirmed.rawValue, RegistrationStatus.waiting.rawValue]) {
                if let status = RegistrationStatus(rawValue: row["status"]) { counts[row["activityId"], default: [:]][status] = row["count"] }
            }
            return activities.map { activity in
                ActivityOccupancy(activity: activity, confirmed: counts[activity.id]?[.confirmed] ?? 0,
                                  waiting: counts[activity.id]?[.waiting] ?? 0)
            }
        }
    }

    /// An activity's registrations for an agent of its organisation, in the order of
    /// ``registrations(to:actor:)``, each with the member and the adult who registered.
    public func roster(of activityId: String, actor: Account?) throws -> (Activity, [RosterEntry]) {
        let (activity, registrations) = try registrations(to: activityId, actor: actor)
        return try database.pool.read { db in
            let entries = try registrations.map { registration in
                guard let member = try Row.fetchOne(db, sql: "SELECT * FROM household_member WHERE id = ?",
                                                    arguments: [registration.memberId]).map(HouseholdMember.init(row:)),
                      let adult = try DossierNotifications.Recipient.account(registration.requestedBy, db)
                else { throw RegistrationError.notFound }
                return RosterEntry(registration: registration, member: member, adultName: adult.name, adultEmail: adult.email)
            }
            return (activity, entries)
        }
    }
}
