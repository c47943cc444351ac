/// Opening hours in JSON, as seed files, exports and the database hold them:
///
/// ```json
/// {"week": {"monday": ["09:00-12:30", "13:30-17:00"], "saturday": ["09:00-12:00"]},
///  "exceptions": [{"date": "2026-12-24", "hours": [], "note": "Veille de Noël"}],
///  "notes": ["Titres d'identité : sur rendez-vous"]}
/// ```
///
/// Every key is optional; a day left out is closed. Periods are also read as people write them
/// ("9 h – 12 h 30").
extension OpeningHours: Codable {
    private enum Keys: String, CodingKey {
        case week, exceptions, notes
    }

    private struct StoredException: Codable {
        var date: CalendarDay
        var hours: [String]?
        var note: String?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let days = try container.decodeIfPresent([String: [String]].self, forKey: .week) ?? [:]
        var week: [Weekday: [TimeRange]] = [:]
        for (key, periods) in days {
            guard let weekday = Weekday.allCases.first(where: { $0.key == key }) else {
                throw DecodingError.dataCorruptedError(forKey: .week, in: container,
                                                       debugDescription: "\"\(key)\" is not a weekday (monday … sunday)")
            }
            week[weekday] = try Self.ranges(periods, container: container, key: .week)
        }
        let exceptions = try (container.decodeIfPresent([StoredException].self, forKey: .exceptions) ?? []).map { stored in
            Exception(day: stored.date, ranges: try Self.ranges(stored.hours ?? [], container: container, key: .exceptions),
                      note: stored.note)
        }
        do {
            try self.init(week: week, exceptions: exceptions,
                          notes: try container.decodeIfPresent([String].self, forKey: .notes) ?? [])
        } catch let error as OpeningHoursError {
            throw DecodingError.dataCorruptedError(forKey: .week, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if !week.isEmpty {
            try container.encode(Dictionary(uniqueKeysWithValues: week.map { ($0.key.key, $0.value.map(\.stored)) }), forKey: .week)
        }
        if !exceptions.isEmpty {
            try container.encode(exceptions.map { StoredException(date: $0.day, hours: $0.ranges.map(\.stored), note: $0.note) },
                                 forKey: .exceptions)
        }
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
    }

    private static func ranges(_ texts: [String], container: KeyedDecodingContainer<Keys>, key: Keys) throws -> [TimeRange] {
        try texts.map { text in
            guard let range = TimeRange(text: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                       debugDescription: "\"\(text)\" is not a period (expected HH:MM-HH:MM)")
            }
            return range
        }
    }
}
