import Foundation
import GRDB
@testable import PortalCore
import Testing

/// Dates read by arithmetic are exactly the dates GRDB reads: a dossier's summary and its full
/// record must agree to the last bit, or comparisons between them would fail.
@Suite struct StoredDateTests {
    @Test func readsWhatGRDBWritesToTheSameDate() throws {
        var generator = SystemRandomNumberGenerator()
        var dates: [Date] = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400.5), // 2000-02-29
                             Date(timeIntervalSince1970: -86_400.001), Date(timeIntervalSince1970: 4_102_444_799.999)]
        for _ in 0..<50_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
        }
        let queue = try DatabaseQueue()
        try queue.read { db in
            for date in dates {
                let row = try #require(try Row.fetchOne(db, sql: "SELECT ?", arguments: [date]))
                let text: String = row[0]
                #expect(StoredDate.parse(text) != nil, "\(text)")
                #expect(try row.storedDate(0, column: "test") == (row[0] as Date), "\(text)")
            }
        }
    }

    @Test func leavesOtherFormsToGRDBAndRefusesWhatIsNoDate() throws {
        let queue = try DatabaseQueue()
        try queue.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT '2026-03-01T10:05:00.000', '2026-03-01', NULL, 'demain', '2026-13-01 10:05:00'"))
            #expect(try row.storedDate(0, column: "t") == (row[0] as Date))
            #expect(try row.storedDate(1, column: "t") == (row[1] as Date))
            #expect(try row.storedDate(2, column: "t") == nil)
            #expect(throws: StoredValueError.self) { try row.requiredDate(2, column: "t") }
            #expect(throws: StoredValueError.self) { try row.storedDate(3, column: "t") }
            #expect(StoredDate.parse("2026-13-01 10:05:00") == nil)
        }
    }
}
