import Foundation

extension Date {
    /// This date as a PDF date in UTC: `D:20260312143000Z`.
    var pdfDate: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: self)
        let fields = [(parts.year, 4), (parts.month, 2), (parts.day, 2), (parts.hour, 2), (parts.minute, 2), (parts.second, 2)]
        let digits = fields.map { value, width in
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "D:" + digits.joined() + "Z"
    }
}
