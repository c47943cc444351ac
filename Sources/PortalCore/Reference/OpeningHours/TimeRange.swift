/// An opening period within one day, from `start` to `end`, in minutes after midnight.
public struct TimeRange: Sendable, Hashable, Comparable {
    /// Minutes after midnight when the period begins.
    public let start: Int
    /// Minutes after midnight when it ends; after `start`, at most 24 h.
    public let end: Int

    /// The period from `start` to `end` minutes, or nil unless 0 ≤ start < end ≤ 1440.
    public init?(start: Int, end: Int) {
        guard start >= 0, start < end, end <= 24 * 60 else { return nil }
        self.start = start
        self.end = end
    }

    /// A period as people write it: "9:00-12:30", "9 h – 12 h 30", "9h à 12h30", "14-17".
    /// Nil when `text` says no such period.
    public init?(text: String) {
        var normalised = text.lowercased()
        for dash in ["–", "—", "à", " a "] { normalised = normalised.replacingOccurrences(of: dash, with: "-") }
        let sides = normalised.split(separator: "-", omittingEmptySubsequences: false)
        guard sides.count == 2, let start = Self.minutes(sides[0]), let end = Self.minutes(sides[1]) else { return nil }
        self.init(start: start, end: end)
    }

    /// "09:00-12:30": how periods are stored and written in seed files.
    public var stored: String {
        "\(Self.clock(start))-\(Self.clock(end))"
    }

    /// "9 h – 12 h 30".
    public var french: String {
        "\(Self.french(start)) – \(Self.french(end))"
    }

    /// "de 9 h à 12 h 30", inside a sentence.
    public var spoken: String {
        "de \(Self.french(start)) à \(Self.french(end))"
    }

    /// Whether the two periods share a moment (touching ends do not).
    public func overlaps(_ other: TimeRange) -> Bool {
        start < other.end && other.start < end
    }

    public static func < (lhs: TimeRange, rhs: TimeRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// Minutes after midnight of "9", "9h", "9 h 30", "09:30", "9h30"; nil otherwise.
    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.filter { $0 != " " }.split(omittingEmptySubsequences: false) { $0 == "h" || $0 == ":" }
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.count <= 2 }),
              let hour = Int(parts[0]) else { return nil }
        let minute = parts.count == 2 && !parts[1].isEmpty ? Int(parts[1]) : 0
        guard let minute, (0...23).contains(hour) || (hour == 24 && minute == 0), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    private static func clock(_ minutes: Int) -> String {
        let (hour, minute) = minutes.quotientAndRemainder(dividingBy: 60)
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    private static func french(_ minutes: Int) -> String {
        let (hour, minute) = minutes.quotientAndRemainder(dividingBy: 60)
        return minute == 0 ? "\(hour) h" : "\(hour) h " + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
