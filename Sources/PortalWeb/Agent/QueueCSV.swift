import Foundation
import PortalCore

/// The queue as a CSV file that LibreOffice and Excel open with accents intact: UTF-8 with a
/// byte-order mark, `;` between fields (the French spreadsheet default), CRLF line ends,
/// fields quoted when needed; a leading `=`, `+`, `-` or `@` is neutralised (no formula injection).
enum QueueCSV {
    static let header = ["Référence", "Démarche", "Demandeur", "Commune", "Déposée le", "Décision tacite le", "Statut", "Attribuée à"]

    static func render(rows: [[String]]) -> [UInt8] {
        let lines = ([header] + rows).map { $0.map(field).joined(separator: ";") }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ";\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
