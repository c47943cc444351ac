import Foundation

/// A day of the calendar, without time of day: what a date question asks.
public struct CalendarDay: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The day of `year`/`month`/`day`, or nil when no such day exists (31 April, 29 February 2027).
    public init?(year: Int, month: Int, day: Int) {
        // Arithmetic rather than a round trip through Calendar, which cost a tenth of a list of invoices.
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day written `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `date` falls on in France.
    public init(_ date: Date) {
        let components = Self.calendar.dateComponents([.year, .month, .day], from: date)
        year = components.year ?? 1970
        month = components.month ?? 1
        day = components.day ?? 1
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// "27/03/2026", as French forms ask for a day.
    public var frenchNumeric: String {
        String(format: "%02d/%02d/%04d", day, month, year)
    }

    /// "27 mars 2026".
    public var french: String {
        "\(day == 1 ? "1er" : String(day)) \(Self.monthNames[month - 1]) \(year)"
    }

    /// The instant this day begins in France (midnight in Paris).
    public var start: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay {
        let start = Self.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date()
        return CalendarDay(Self.calendar.date(byAdding: .day, value: count, to: start) ?? start)
    }

    /// The same day `count` months later (earlier when negative), or the month's last day when
    /// it has no such day (31 January + 1 month is 28 or 29 February).
    public func adding(months count: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + count
        let newYear = index / 12, newMonth = index % 12 + 1
        return CalendarDay(year: newYear, month: newMonth, day: min(day, Self.days(inMonth: newMonth, of: newYear))) ?? self
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The number of days of `month` (1–12) in `year`, by the Gregorian rules.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static let monthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// Gregorian, in France's time zone: a question answered at 00:30 in Langeais is about that day.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        return calendar
    }()
}
