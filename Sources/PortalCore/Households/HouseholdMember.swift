import Foundation
import GRDB

/// A person of a household: an adult responsible for it (with their own account), or a child.
public struct HouseholdMember: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case adult = "adulte"
        case child = "enfant"
    }

    public var id: Int64
    public var householdId: Int64
    public var kind: Kind
    /// The adult's account; nil for children.
    public var accountId: Int64?
    public var firstName: String
    public var lastName: String
    public var birthDate: CalendarDay?
    /// The child's school, if any.
    public var school: String?

    public var fullName: String { lastName.isEmpty ? firstName : "\(firstName) \(lastName)" }

    /// Age in whole years on `day`.
    public func age(on day: CalendarDay) -> Int? {
        birthDate.map { birth in day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day) ? 1 : 0) }
    }

    /// Age in whole months on `day` (for the crèche's ranges).
    public func ageInMonths(on day: CalendarDay) -> Int? {
        birthDate.map { birth in (day.year - birth.year) * 12 + day.month - birth.month - (day.day < birth.day ? 1 : 0) }
    }

    init(row: Row) {
        id = row["id"]
        householdId = row["householdId"]
        kind = Kind(rawValue: row["kind"]) ?? .child
        accountId = row["accountId"]
        firstName = row["firstName"]
        lastName = row["lastName"]
        birthDate = (row["birthDate"] as String?).flatMap(CalendarDay.init(iso:))
        school = row["school"]
    }

    static func fetchAll(householdId: Int64, _ db: Database) throws -> [HouseholdMember] {
        try Row.fetchAll(db, sql: "SELECT * FROM household_member WHERE householdId = ? ORDER BY kind, birthDate, id",
                         arguments: [householdId]).map(HouseholdMember.init(row:))
    }
}
