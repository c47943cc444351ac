import Foundation

/// A CSV file read strictly (RFC 4180), as spreadsheets save them: fields separated by `;` or `,`
/// (whichever the header line uses), records ended by CRLF or LF, fields in double quotes when
/// they hold a separator, a quote or a line break (a quote inside doubled). UTF-8 with or without
/// its byte-order mark, or else Windows-1252. Anything else is refused with a ``Problem``.
public struct CSVTable: Sendable, Hashable {
    /// One record after the header.
    public struct Row: Sendable, Hashable {
        /// Its row number in a spreadsheet: the header is row 1.
        public var number: Int
        public var fields: [String]

        /// Every field empty or blank (a spreadsheet's empty row).
        public var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
    }

    /// How much a file may hold.
    public struct Limits: Sendable, Hashable {
        public var maxBytes: Int
        /// Records after the header.
        public var maxRows: Int

        public init(maxBytes: Int = 5 * 1024 * 1024, maxRows: Int = 20_000) {
            self.maxBytes = maxBytes
            self.maxRows = maxRows
        }
    }

    /// Why a file cannot be read; ``message`` says it in French.
    public enum Problem: Error, Sendable, Hashable {
        case empty
        case tooLarge(maxBytes: Int)
        case tooManyRows(maxRows: Int)
        /// Neither UTF-8 nor Windows-1252 text (a spreadsheet file sent as is, an image…).
        case notText
        /// A quote in the middle of a field, or text after a closing quote.
        case misplacedQuote(row: Int)
        /// A quoted field still open at the end of the file.
        case unclosedQuote(row: Int)

        public var message: String {
            switch self {
            case .empty:
                "Le fichier est vide."
            case .tooLarge(let maxBytes):
                "Le fichier dépasse \(maxBytes / (1024 * 1024)) Mo : découpez-le en plusieurs fichiers."
            case .tooManyRows(let maxRows):
                "Le fichier dépasse \(maxRows) lignes : découpez-le en plusieurs fichiers."
            case .notText:
                "Le fichier n'est pas au format CSV. Dans votre tableur, enregistrez-le au format « CSV » (texte, séparateur point-virgule)."
            case .misplacedQuote(let row):
                "Ligne \(row) : un guillemet est mal placé. Un champ qui contient un guillemet doit être entouré de guillemets, et ses guillemets doublés."
            case .unclosedQuote(let row):
                "Ligne \(row) : un guillemet ouvert n'est jamais fermé."
            }
        }
    }

    /// `;` or `,`.
    public var separator: Unicode.Scalar
    /// The header's names as written, trimmed.
    public var header: [String]
    /// The records after the header, blank ones included.
    public var rows: [Row]

    /// Reads `bytes`.
    public init(_ bytes: [UInt8], limits: Limits = Limits()) throws(Problem) {
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(maxBytes: limits.maxBytes) }
        let text = try Self.decode(bytes)
        guard !text.allSatisfy(\.isWhitespace) else { throw .empty }
        separator = Self.separator(of: text)
        var records = try Self.records(text.unicodeScalars, separator: separator, maxRecords: limits.maxRows + 1)
        guard !records.isEmpty else { throw .empty }
        header = records.removeFirst().map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        rows = records.enumerated().map { Row(number: $0.offset + 2, fields: $0.element) }
    }

    /// UTF-8 (a leading byte-order mark dropped), else Windows-1252; text only.
    static func decode(_ bytes: [UInt8]) throws(Problem) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) ?? Windows1252.decode(body) else { throw .notText }
        // Control characters other than tab and line ends: a binary file (a .xlsx, a PDF).
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && !"\t\r\n".unicodeScalars.contains($0) }) else { throw .notText }
        return text
    }

    /// The separator the header line uses most: `;` (France's default) or `,`.
    static func separator(of text: String) -> Unicode.Scalar {
        var semicolons = 0, commas = 0, quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if quoted { continue }
            if scalar == "\n" || scalar == "\r" { break }
            if scalar == ";" { semicolons += 1 }
            if scalar == "," { commas += 1 }
        }
        return commas > semicolons ? "," : ";"
    }

    /// The records of `scalars`, at most `maxRecords`.
    static func records(_ scalars: String.UnicodeScalarView, separator: Unicode.Scalar, maxRecords: Int) throws(Problem) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false, closedQuote = false, wasQuoted = false
        var index = scalars.startIndex
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            closedQuote = false
            wasQuoted = false
        }
        func endRecord() throws(Problem) {
            endField()
            records.append(fields)
            fields = []
            if records.count > maxRecords { throw .tooManyRows(maxRows: maxRecords - 1) }
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if inQuotes {
                if scalar != "\"" {
                    field.append(scalar)
                } else if index < scalars.endIndex, scalars[index] == "\"" {
                    field.append("\"")
                    index = scalars.index(after: index)
                } else {
                    inQuotes = false
                    closedQuote = true
                }
            } else if scalar == separator {
                endField()
            } else if scalar == "\r" || scalar == "\n" {
                if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                try endRecord()
            } else if closedQuote {
                throw .misplacedQuote(row: records.count + 1)
            } else if scalar == "\"" {
                guard field.isEmpty, !wasQuoted else { throw .misplacedQuote(row: records.count + 1) }
                inQuotes = true
                wasQuoted = true
            } else {
                field.append(scalar)
            }
        }
        if inQuotes { throw .unclosedQuote(row: records.count + 1) }
        if !field.isEmpty || !fields.isEmpty || closedQuote { try endRecord() }
        return records
    }
}
