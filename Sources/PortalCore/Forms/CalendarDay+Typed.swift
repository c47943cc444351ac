import Foundation

extension CalendarDay {
    /// A day typed as `YYYY-MM-DD` (a date input) or `JJ/MM/AAAA` (French spreadsheets), or nil.
    public init?(typed text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = CalendarDay(iso: trimmed) {
            self = day
            return
        }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// A day typed in three boxes, day, month and year (GOV.UK's date pattern), or nil.
    public init?(typedDay day: String, month: String, year: String) {
        let parts = [day, month, year].map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let day = parts[0], let month = parts[1], let year = parts[2] else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
