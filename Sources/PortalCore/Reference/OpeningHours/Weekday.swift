/// A day of the week, Monday first as in France.
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The day's name in lower case, as inside a French sentence: "lundi".
    public var french: String {
        ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"][rawValue]
    }

    /// The day's name as a label or at the start of a sentence: "Lundi".
    public var label: String {
        french.prefix(1).uppercased() + french.dropFirst()
    }

    /// The key naming the day in stored opening hours: "monday".
    public var key: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue]
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

extension CalendarDay {
    /// The day of the week this day falls on.
    public var weekday: Weekday {
        // Days since 1 March of year 0 in the proleptic Gregorian calendar, by arithmetic.
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468 // days since 1 January 1970, a Thursday
        let index = ((days % 7) + 7 + 3) % 7
        return Weekday(rawValue: index) ?? .monday
    }
}
