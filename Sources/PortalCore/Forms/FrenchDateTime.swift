import Foundation

/// Instants written for French readers, in France's time.
public enum FrenchDateTime {
    /// "le 1er mars 2026 à 11 h 01".
    public static func text(_ date: Date) -> String {
        "le \(CalendarDay(date).french) à \(time(date))"
    }

    /// "11 h 01": the time of day in France.
    public static func time(_ date: Date) -> String {
        let time = CalendarDay.calendar.dateComponents([.hour, .minute], from: date)
        return "\(time.hour ?? 0) h \(String(format: "%02d", time.minute ?? 0))"
    }

    /// "09:05": the time of day in France, as spreadsheets read it.
    public static func clockTime(_ date: Date) -> String {
        let time = CalendarDay.calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", time.hour ?? 0, time.minute ?? 0)
    }
}
