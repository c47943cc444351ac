import Foundation

/// Instants written for French readers, in France's time.
public enum FrenchDateTime {
    /// "le 1er mars 2026 à 11 h 01".
    public static func text(_ date: Date) -> String {
        let time = CalendarDay.calendar.dateComponents([.hour, .minute], from: date)
        return "le \(CalendarDay(date).french) à \(time.hour ?? 0) h \(String(format: "%02d", time.minute ?? 0))"
    }
}
