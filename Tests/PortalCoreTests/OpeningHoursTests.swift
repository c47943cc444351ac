import Foundation
import GRDB
@testable import PortalCore
import Testing

/// Opening hours: periods as people write them, the week in French, "today" and the exceptions ahead,
/// and the JSON of seed files and the database.
@Suite struct OpeningHoursTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay { CalendarDay(year: year, month: month, day: day)! }
    static func range(_ text: String) -> TimeRange { TimeRange(text: text)! }

    @Test(arguments: [
        ("9:00-12:30", 540, 750), ("9 h – 12 h 30", 540, 750), ("9h-12h30", 540, 750), ("09h00 à 12h30", 540, 750),
        ("14-17", 840, 1020), ("8 h 30 — 12 h", 510, 720), ("0:00-24:00", 0, 1440),
    ])
    func periodsAreReadAsPeopleWriteThem(text: String, start: Int, end: Int) {
        #expect(TimeRange(text: text) == TimeRange(start: start, end: end))
    }

    @Test(arguments: ["", "9", "12h-9h", "9h-9h", "9h-25h", "9h60-10h", "neuf heures - midi", "9h-12h-14h", "٩-١٢"])
    func anythingElseIsNoPeriod(text: String) {
        #expect(TimeRange(text: text) == nil)
    }

    @Test func periodsAreWrittenTheFrenchWay() {
        let morning = Self.range("8:30-12:05")
        #expect(morning.french == "8 h 30 – 12 h 05")
        #expect(morning.spoken == "de 8 h 30 à 12 h 05")
        #expect(morning.stored == "08:30-12:05")
    }

    @Test func weekdaysAreCountedLikeTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var date = calendar.date(from: DateComponents(year: 1999, month: 12, day: 25))!
        for _ in 0..<(366 * 4) {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let day = Self.day(parts.year!, parts.month!, parts.day!)
            // Calendar counts Sunday as 1; Weekday counts Monday as 0.
            #expect(day.weekday.rawValue == (parts.weekday! + 5) % 7, "\(day.iso)")
            date = calendar.date(byAdding: .day, value: 1, to: date)!
        }
        #expect(Self.day(2026, 12, 4).weekday == .friday)
    }

    @Test func theWeekReadsOneLinePerSetOfDays() throws {
        let full = [Self.range("8:30-12:00"), Self.range("13:30-17:30")]
        let hours = try OpeningHours(week: [
            .monday: full, .tuesday: full, .wednesday: full, .thursday: full, .friday: full,
            .saturday: [Self.range("9:00-12:00")],
        ])
        #expect(hours.weekLines == ["Du lundi au vendredi : 8 h 30 – 12 h et 13 h 30 – 17 h 30", "Samedi : 9 h – 12 h"])

        let small = try OpeningHours(week: [
            .monday: [Self.range("9-12")], .tuesday: [Self.range("9-12")], .thursday: [Self.range("9-12")],
            .wednesday: [Self.range("14-18")],
        ])
        #expect(small.weekLines == ["Lundi, mardi et jeudi : 9 h – 12 h", "Mercredi : 14 h – 18 h"])
    }

    @Test func todaySaysOpenOrClosedWithTheExceptionsNote() throws {
        let hours = try OpeningHours(
            week: [.friday: [Self.range("14:00-17:00"), Self.range("9:00-12:00")]],
            exceptions: [
                .init(day: Self.day(2026, 12, 25), note: "Noël"),
                .init(day: Self.day(2026, 12, 26), ranges: [Self.range("9-11")], note: "Permanence"),
            ])
        #expect(hours.today(Self.day(2026, 12, 4)) == "Ouvert aujourd'hui de 9 h à 12 h et de 14 h à 17 h")
        #expect(hours.today(Self.day(2026, 12, 3)) == "Fermé aujourd'hui")
        #expect(hours.today(Self.day(2026, 12, 25)) == "Fermé aujourd'hui (Noël)")
        #expect(hours.today(Self.day(2026, 12, 26)) == "Ouvert aujourd'hui de 9 h à 11 h (Permanence)")
        #expect(hours.exceptionLines(from: Self.day(2026, 12, 4)) == [
            "Vendredi 25 décembre 2026 : fermé (Noël)", "Samedi 26 décembre 2026 : ouvert de 9 h à 11 h (Permanence)",
        ])
        #expect(hours.exceptionLines(from: Self.day(2026, 12, 26)).count == 1, "past exceptions are not announced")
        #expect(hours.exceptionLines(from: Self.day(2026, 9, 1)).isEmpty, "nor those beyond sixty days")
    }

    @Test func withoutPeriodsNoDayIsCalledClosed() throws {
        let notes = try OpeningHours(notes: ["Sur rendez-vous"])
        #expect(notes.today(Self.day(2026, 12, 4)) == nil)
    }

    @Test func overlappingPeriodsAndTwoExceptionsOnOneDayAreRefused() {
        #expect(throws: OpeningHoursError.overlap("lundi")) {
            try OpeningHours(week: [.monday: [Self.range("9-12"), Self.range("11-14")]])
        }
        #expect(throws: OpeningHoursError.sameDayTwice(Self.day(2026, 12, 24))) {
            try OpeningHours(exceptions: [.init(day: Self.day(2026, 12, 24)), .init(day: Self.day(2026, 12, 24), note: "bis")])
        }
        #expect((try? OpeningHours(week: [.monday: [Self.range("9-12"), Self.range("12-14")]])) != nil, "touching ends are apart")
    }

    @Test func theJSONGoesBothWays() throws {
        let hours = try OpeningHours(
            week: [.saturday: [Self.range("9-12")], .monday: [Self.range("14-17"), Self.range("9-12")]],
            exceptions: [.init(day: Self.day(2026, 12, 24), note: "Veille de Noël")],
            notes: ["Titres d'identité : sur rendez-vous"])
        let json = String(decoding: try JSONEncoder().encode(hours), as: UTF8.self)
        #expect(json.contains(#""monday":["09:00-12:00","14:00-17:00"]"#))
        #expect(try JSONDecoder().decode(OpeningHours.self, from: Data(json.utf8)) == hours)

        let typed = #"{"week": {"tuesday": ["9 h – 12 h 30"]}}"#
        #expect(try JSONDecoder().decode(OpeningHours.self, from: Data(typed.utf8)).ranges(on: .tuesday) == [Self.range("9:00-12:30")])
        for broken in [#"{"week": {"lundi": ["9-12"]}}"#, #"{"week": {"monday": ["9-25"]}}"#,
                       #"{"week": {"monday": ["9-12", "10-11"]}}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(OpeningHours.self, from: Data(broken.utf8)) }
        }
    }

    @Test func theShippedSeedHasPeriodsForEveryMairie() throws {
        let data = try ReferenceData.load(from: TestSupport.realSeed)
        let mairies = data.organisations.filter { $0.kind == .mairie }
        #expect(mairies.count == 28)
        for mairie in mairies {
            #expect(!mairie.openingHours.weekLines.isEmpty, "\(mairie.name)")
        }
    }
}

@Suite("Storage: opening hours structured in an existing database")
struct OpeningHoursMigrationTests {
    @Test("Lines of free text from before v13 become notes, shown until an administrator enters the periods")
    func existingDatabase() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("portal.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try PortalDatabase.migrator.migrate(pool, upTo: "v12-staff-accounts")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO organisation (id, kind, name, openingHours, demoContact, position)
                    VALUES ('ants', 'external', 'ANTS', '["Lundi : 9 h – 12 h", "Sur rendez-vous"]', 0, 0)
                    """)
            }
            try pool.close()
        }
        let database = try PortalDatabase(path: path)
        let stored = try database.pool.read { db in try String.fetchOne(db, sql: "SELECT openingHours FROM organisation") }
        let hours = try JSONDecoder().decode(OpeningHours.self, from: Data(try #require(stored).utf8))
        #expect(hours == (try OpeningHours(notes: ["Lundi : 9 h – 12 h", "Sur rendez-vous"])))
    }
}
