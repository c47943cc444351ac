/// Opening hours in French sentences, as public pages show them.
extension OpeningHours {
    /// The week, one line per set of days with the same periods, in weekday order:
    /// "Du lundi au vendredi : 9 h – 12 h 30 et 13 h 30 – 17 h", "Samedi : 9 h – 12 h".
    public var weekLines: [String] {
        var groups: [(days: [Weekday], ranges: [TimeRange])] = []
        for weekday in Weekday.allCases {
            guard let ranges = week[weekday] else { continue }
            if let index = groups.firstIndex(where: { $0.ranges == ranges }) {
                groups[index].days.append(weekday)
            } else {
                groups.append(([weekday], ranges))
            }
        }
        return groups.map { "\(Self.label($0.days)) : \($0.ranges.map(\.french).joined(separator: " et "))" }
    }

    /// What `day` holds, for "today" on a public page: "Ouvert aujourd'hui de 9 h à 12 h et de
    /// 14 h à 17 h", "Fermé aujourd'hui", with the exception's note. Nil when no period is known
    /// at all, so a page never claims a closure it does not know of.
    public func today(_ day: CalendarDay) -> String? {
        let exception = exception(on: day)
        guard exception != nil || !week.isEmpty else { return nil }
        let ranges = ranges(on: day)
        let text = ranges.isEmpty ? "Fermé aujourd'hui" : "Ouvert aujourd'hui " + Self.spoken(ranges)
        return exception?.note.map { "\(text) (\($0))" } ?? text
    }

    /// The exceptions from `day` on, for `days` days: "Jeudi 24 décembre 2026 : fermé (Veille de Noël)",
    /// "Samedi 5 décembre 2026 : ouvert de 9 h à 12 h".
    public func exceptionLines(from day: CalendarDay, days: Int = 60) -> [String] {
        let last = day.adding(days: days)
        return exceptions.filter { $0.day >= day && $0.day <= last }.map { exception in
            let state = exception.ranges.isEmpty ? "fermé" : "ouvert " + Self.spoken(exception.ranges)
            let line = "\(exception.day.weekday.label) \(exception.day.french) : \(state)"
            return exception.note.map { "\(line) (\($0))" } ?? line
        }
    }

    /// "de 9 h à 12 h et de 14 h à 17 h".
    static func spoken(_ ranges: [TimeRange]) -> String {
        ranges.map(\.spoken).joined(separator: " et ")
    }

    /// "Du lundi au vendredi", "Lundi, mardi et jeudi", "Samedi".
    static func label(_ days: [Weekday]) -> String {
        let consecutive = zip(days, days.dropFirst()).allSatisfy { $1.rawValue == $0.rawValue + 1 }
        if days.count >= 3, consecutive, let first = days.first, let last = days.last {
            return "Du \(first.french) au \(last.french)"
        }
        return capitalised(FrenchList.joined(days.map(\.french)))
    }

    private static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
