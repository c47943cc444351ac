import Foundation

/// How long a mandate lasts from its signature.
public enum MandateDuration: String, Sendable, Hashable, CaseIterable {
    /// Until the end of the day of the visit.
    case visit = "visite"
    case oneMonth = "1-mois"
    case sixMonths = "6-mois"
    case oneYear = "1-an"

    public var label: String {
        switch self {
        case .visit: "Cette visite seulement (jusqu'à ce soir)"
        case .oneMonth: "1 mois"
        case .sixMonths: "6 mois"
        case .oneYear: "1 an"
        }
    }

    /// When a mandate signed at `start` ends.
    public func end(from start: Date) -> Date {
        let day = CalendarDay(start)
        let target = switch self {
        case .visit: day.adding(days: 1)
        case .oneMonth: day.adding(months: 1).adding(days: 1)
        case .sixMonths: day.adding(months: 6).adding(days: 1)
        case .oneYear: day.adding(months: 12).adding(days: 1)
        }
        return CalendarDay.calendar.date(from: DateComponents(year: target.year, month: target.month, day: target.day)) ?? start
    }
}
