import Foundation
import GRDB

extension Row {
    /// The date stored in column `index`, or nil for NULL.
    ///
    /// GRDB writes dates as UTC text, `2026-03-01 10:05:00.000`; reading them through Foundation's
    /// calendar cost a tenth of a dashboard's time, so that form is read by arithmetic, to the same
    /// `Date` (`StoredDateTests`). Any other form is left to GRDB.
    ///
    /// - Throws: ``StoredValueError`` when the value is not a date.
    func storedDate(_ index: Int, column: String) throws(StoredValueError) -> Date? {
        let value: DatabaseValue = self[index]
        if value.isNull { return nil }
        if case .string(let text) = value.storage, let date = StoredDate.parse(text) { return date }
        guard let date = Date.fromDatabaseValue(value) else {
            throw StoredValueError(column: column, value: String(describing: value))
        }
        return date
    }

    /// The date stored in column `index`, which may not be NULL.
    ///
    /// - Throws: ``StoredValueError`` when the value is NULL or not a date.
    func requiredDate(_ index: Int, column: String) throws(StoredValueError) -> Date {
        guard let date = try storedDate(index, column: column) else { throw StoredValueError(column: column, value: "NULL") }
        return date
    }
}

/// Reads the text form in which GRDB stores dates.
enum StoredDate {
    /// The date written `yyyy-MM-dd HH:mm:ss.SSS` (or without the milliseconds) in UTC, or nil for
    /// any other text and for years before 1600 (Foundation's calendar is Julian before 1582).
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 19 || bytes.count == 23,
                  bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
                  let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
                  year >= 1600, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
            var milliseconds = 0
            if bytes.count == 23 {
                guard bytes[19] == UInt8(ascii: "."), let fraction = number(20..<23) else { return nil }
                milliseconds = fraction
            }
            // Summed as Foundation's calendar sums a day, a time of day and nanoseconds, to the same bits.
            let dayStart = TimeInterval(daysSinceEpoch(year: year, month: month, day: day) * 86_400 - secondsFrom1970To2001)
            let time = TimeInterval(hour * 3_600 + minute * 60 + second) + TimeInterval(milliseconds * 1_000_000) / 1e9
            return Date(timeIntervalSinceReferenceDate: dayStart + time)
        }
    }

    private static let secondsFrom1970To2001 = 978_307_200

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
