/// Parsing of the `Cookie` request header (RFC 6265 §5.4).
public enum Cookies {
    /// The cookies of a `Cookie` header by name; the first occurrence of a name wins.
    /// Tolerant of malformed input: pieces without `=` or with an empty name are skipped,
    /// surrounding double quotes of a value are removed.
    ///
    /// Works on UTF-8 bytes, not on `Character`s: a `;` or `=` followed by a combining mark is one
    /// grapheme cluster, yet still a separator (found by fuzzing).
    public static func parse(_ header: String) -> [String: String] {
        var cookies: [String: String] = [:]
        for piece in header.utf8.split(separator: UInt8(ascii: ";")) {
            guard let equals = piece.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = trimmed(piece[..<equals])
            var value = trimmed(piece[piece.index(after: equals)...])
            if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
                value = value.dropFirst().dropLast()
            }
            let key = String(decoding: name, as: UTF8.self)
            guard !key.isEmpty, cookies[key] == nil else { continue }
            cookies[key] = String(decoding: value, as: UTF8.self)
        }
        return cookies
    }

    /// The bytes without leading and trailing spaces and tabs.
    private static func trimmed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }
}
