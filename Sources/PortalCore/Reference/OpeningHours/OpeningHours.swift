/// When an organisation receives the public: periods for each day of the week, dated exceptions
/// (closures, special openings) and free notes ("Titres d'identité : sur rendez-vous").
public struct OpeningHours: Sendable, Hashable {
    /// A day that does not follow the week: closed when `ranges` is empty, else open then only.
    public struct Exception: Sendable, Hashable, Comparable {
        /// The day concerned.
        public var day: CalendarDay
        /// The periods open that day, in order; empty for a closure.
        public var ranges: [TimeRange]
        /// Why, for the public ("Pont de l'Ascension").
        public var note: String?

        /// Creates an exception.
        public init(day: CalendarDay, ranges: [TimeRange] = [], note: String? = nil) {
            self.day = day
            self.ranges = ranges
            self.note = note
        }

        public static func < (lhs: Exception, rhs: Exception) -> Bool {
            lhs.day < rhs.day
        }
    }

    /// The periods of each weekday, Monday first, each in order and apart.
    public private(set) var week: [Weekday: [TimeRange]]
    /// Dated exceptions, in order of day, at most one per day.
    public private(set) var exceptions: [Exception]
    /// Notes for the public, one per line.
    public var notes: [String]

    /// No hours known.
    public static let none = OpeningHours()

    /// Creates opening hours; periods are sorted and exceptions ordered by day.
    ///
    /// - Throws: ``OpeningHoursError`` when two periods of one day overlap or two exceptions
    ///   share a day.
    public init(week: [Weekday: [TimeRange]] = [:], exceptions: [Exception] = [], notes: [String] = []) throws {
        self.init()
        for (weekday, ranges) in week { try set(ranges, on: weekday) }
        for exception in exceptions.sorted() {
            try Self.checkApart(exception.ranges, label: exception.day.french)
            guard !self.exceptions.contains(where: { $0.day == exception.day }) else {
                throw OpeningHoursError.sameDayTwice(exception.day)
            }
            self.exceptions.append(Exception(day: exception.day, ranges: exception.ranges.sorted(), note: exception.note))
        }
        self.notes = notes
    }

    private init() {
        week = [:]
        exceptions = []
        notes = []
    }

    /// True when nothing is known: no period, no exception, no note.
    public var isEmpty: Bool {
        week.isEmpty && exceptions.isEmpty && notes.isEmpty
    }

    /// The periods open on `day`: its exception's if it has one, else its weekday's.
    public func ranges(on day: CalendarDay) -> [TimeRange] {
        exception(on: day)?.ranges ?? ranges(on: day.weekday)
    }

    /// The periods of `weekday` in an ordinary week.
    public func ranges(on weekday: Weekday) -> [TimeRange] {
        week[weekday] ?? []
    }

    /// The exception set for `day`, if any.
    public func exception(on day: CalendarDay) -> Exception? {
        exceptions.first { $0.day == day }
    }

    /// Sets the periods of `weekday`; none means closed that day.
    ///
    /// - Throws: ``OpeningHoursError/overlap(_:)`` when two of them overlap.
    public mutating func set(_ ranges: [TimeRange], on weekday: Weekday) throws {
        try Self.checkApart(ranges, label: weekday.french)
        week[weekday] = ranges.isEmpty ? nil : ranges.sorted()
    }

    private static func checkApart(_ ranges: [TimeRange], label: String) throws {
        let sorted = ranges.sorted()
        for (first, second) in zip(sorted, sorted.dropFirst()) where first.overlaps(second) {
            throw OpeningHoursError.overlap(label)
        }
    }
}

/// Why opening hours cannot be built as given.
public enum OpeningHoursError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two periods of one day (named in French) overlap.
    case overlap(String)
    /// Two exceptions are given for one day.
    case sameDayTwice(CalendarDay)

    public var description: String {
        switch self {
        case .overlap(let day): "Deux plages horaires du \(day) se chevauchent : corrigez-les pour qu'elles se suivent."
        case .sameDayTwice(let day): "Deux exceptions portent sur le \(day.french) : gardez-en une seule."
        }
    }
}
