/// Strings in PDF syntax.
enum PDFString {
    /// A literal string, `(` `bytes` `)`, with `(`, `)` and `\` escaped by a backslash.
    static func literal(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = [0x28]
        for byte in bytes {
            if byte == 0x28 || byte == 0x29 || byte == 0x5C {
                result.append(0x5C)
            }
            result.append(byte)
        }
        result.append(0x29)
        return result
    }

    /// A text string such as the title in the document information: a literal string when `text`
    /// is printable ASCII, else UTF-16BE with its byte-order mark as a hexadecimal string
    /// (`<FEFF0052006500E70075>` for `Reçu`), so any Unicode text survives.
    static func text(_ text: String) -> [UInt8] {
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            return literal(Array(text.utf8))
        }
        let digits = text.utf16.map { unit in
            let hex = String(unit, radix: 16, uppercase: true)
            return String(repeating: "0", count: 4 - hex.count) + hex
        }
        return Array(("<FEFF" + digits.joined() + ">").utf8)
    }
}
