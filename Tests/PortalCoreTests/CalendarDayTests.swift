import Foundation
@testable import PortalCore
import Testing

@Suite("Calendar days")
struct CalendarDayTests {
    @Test("Days exist or not, read and print in ISO and French")
    func days() {
        #expect(CalendarDay(year: 2028, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2027, month: 2, day: 29) == nil)
        #expect(CalendarDay(iso: "2026-03-01")?.french == "1er mars 2026")
        #expect(CalendarDay(iso: "2026-3-1") == CalendarDay(year: 2026, month: 3, day: 1))
        #expect(CalendarDay(iso: "2026-03") == nil)
        #expect(CalendarDay(year: 2026, month: 12, day: 31)?.adding(days: 1).iso == "2027-01-01")
    }

    @Test("Exactly the days the Gregorian calendar has exist, leap years included", arguments: [1900, 1999, 2000, 2024, 2026, 2100, 2400])
    func validity(year: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
        for month in 0...13 {
            for day in 0...32 {
                let components = DateComponents(year: year, month: month, day: day)
                let exists = (1...12).contains(month) && calendar.date(from: components).map {
                    calendar.dateComponents([.year, .month, .day], from: $0) == components
                } == true
                #expect((CalendarDay(year: year, month: month, day: day) != nil) == exists, "\(year)-\(month)-\(day)")
            }
        }
    }

    @Test func typedDates() {
        #expect(CalendarDay(typed: "31/12/2026") == CalendarDay(year: 2026, month: 12, day: 31))
        #expect(CalendarDay(typed: " 2026-02-28 ") == CalendarDay(year: 2026, month: 2, day: 28))
        for text in ["29/02/2026", "31/04/2026", "1/1/26", "2026/01/01", "", "aa/bb/cccc", "01/13/2026"] {
            #expect(CalendarDay(typed: text) == nil, "\(text)")
        }
    }
}
