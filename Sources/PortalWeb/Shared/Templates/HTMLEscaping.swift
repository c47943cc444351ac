/// HTML escaping of the values templates show: the five characters `& < > " '`, as
/// swift-mustache's HTML content type escapes them, but over UTF-8 bytes and appending the text
/// untouched when it has none of them — most values.
enum HTMLEscaping {
    /// Appends `text`, escaped, to `output`.
    static func append(_ text: String, to output: inout String) {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscaping) else {
            output += text
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// `text`, escaped.
    static func escaped(_ text: String) -> String {
        var output = ""
        append(text, to: &output)
        return output
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
