import Foundation

/// What the administration's silence means for a request, and after how long
/// (CRPA L231-1: acceptance after two months by default; L231-4: rejection for complaints,
/// financial requests and the listed exceptions).
public struct SilenceRule: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case acceptance, rejection
    }

    public var outcome: Outcome
    /// Months after a complete filing.
    public var months: Int

    public init(outcome: Outcome, months: Int) {
        self.outcome = outcome
        self.months = months
    }

    /// Silence means acceptance after two months.
    public static let `default` = SilenceRule(outcome: .acceptance, months: 2)

    /// When silence becomes a decision for a complete request filed at `filedAt`.
    public func decisionDate(filedAt: Date) -> Date {
        CalendarDay.calendar.date(byAdding: .month, value: months, to: filedAt)
            ?? filedAt.addingTimeInterval(Double(months) * 31 * 24 * 3600)
    }
}
