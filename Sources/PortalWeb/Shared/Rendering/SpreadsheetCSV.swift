import Foundation
import PortalCore
import PortalHTTP

/// Tables as CSV files that LibreOffice and Excel open with accents intact: UTF-8 with a
/// byte-order mark, `;` between fields (the French spreadsheet default), CRLF line ends,
/// fields quoted when needed; a leading `=`, `+`, `-` or `@` is neutralised (no formula injection).
enum SpreadsheetCSV {
    static func render(header: [String], rows: [[String]]) -> [UInt8] {
        let lines = ([header] + rows).map { $0.map(field).joined(separator: ";") }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ";\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The file as a download named `filename`, never kept by a shared cache.
    static func download(_ filename: String, header: [String], rows: [[String]]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers["Content-Type"] = "text/csv; charset=utf-8"
        headers["Content-Disposition"] = ContentDisposition.attachment(filename: filename)
        headers["Cache-Control"] = "private, no-store"
        return HTTPResponse(status: .ok, headers: headers, body: render(header: header, rows: rows))
    }

    /// An amount as a spreadsheet reads a number in French: `1234,56`, without grouping or sign.
    static func amount(_ cents: Int) -> String {
        let remainder = cents.magnitude % 100
        return (cents < 0 ? "-" : "") + String(cents.magnitude / 100) + "," + (remainder < 10 ? "0" : "") + String(remainder)
    }

    /// A day as a spreadsheet reads a date in French: `31/03/2026`.
    static func date(_ day: CalendarDay) -> String {
        day.frenchNumeric
    }
}
