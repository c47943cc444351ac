import Foundation
import GRDB

/// A service residents register household members to, for a period: the school canteen of a
/// commune for a school year, the CCTOVAL's leisure centre on Wednesdays, the music school…
public struct Activity: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    /// The organisation running it, whose agents process its registrations.
    public var organisationId: String
    /// The régie that bills it, when it is priced.
    public var regieId: String?
    public var title: String
    /// "Année scolaire 2026-2027".
    public var period: String
    public var description: String
    /// Registrations are taken from this day to ``closesOn``, included.
    public var opensOn: CalendarDay
    public var closesOn: CalendarDay
    /// When the activity itself runs; ages are counted on ``startsOn``.
    public var startsOn: CalendarDay
    public var endsOn: CalendarDay
    /// The age range, in months, on ``startsOn``.
    public var minAgeMonths: Int
    public var maxAgeMonths: Int
    /// The communes whose residents may register; empty: every commune of the CCTOVAL.
    public var communes: [String]
    /// Places; beyond them, registrations wait in order.
    public var capacity: Int
    /// Documents the household must hold, valid, to register.
    public var requiredDocuments: [SupportingDocument.Kind]
    /// What a confirmed registration costs; nil when it is billed otherwise (meals taken, say).
    public var tariff: ActivityTariff?
    /// How it is billed when it has no tariff ("Facturé chaque mois selon les repas pris").
    public var billingNote: String?

    public func isOpen(on day: CalendarDay) -> Bool { opensOn <= day && day <= closesOn }

    /// Whether `member`'s age on the first day is in range. An adult responsible for a household
    /// whose birth date the portal does not know is of age: accepted when the activity takes adults.
    public func accepts(_ member: HouseholdMember) -> Bool {
        if let months = member.ageInMonths(on: startsOn) { return (minAgeMonths...maxAgeMonths).contains(months) }
        return member.kind == .adult && maxAgeMonths >= 18 * 12
    }

    /// "de 3 à 11 ans", "de 10 semaines à 3 ans".
    public var ageRangeText: String {
        func text(_ months: Int) -> String {
            months < 24 ? "\(months) mois" : "\(months / 12) ans"
        }
        return "de \(text(minAgeMonths)) à \(text(maxAgeMonths))"
    }

}

extension Activity {
    init(row: Row) throws {
        self = try JSONDecoder().decode(Activity.self, from: Data((row["definition"] as String).utf8))
    }

    static func fetch(id: String, _ db: Database) throws -> Activity? {
        try Row.fetchOne(db, sql: "SELECT definition FROM activity WHERE id = ?", arguments: [id]).map(Activity.init(row:))
    }

    static func fetchAll(_ db: Database) throws -> [Activity] {
        try Row.fetchAll(db, sql: "SELECT definition FROM activity ORDER BY id").map(Activity.init(row:))
    }
}
