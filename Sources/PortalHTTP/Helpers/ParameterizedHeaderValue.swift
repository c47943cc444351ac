/// A header value of the form `value *( OWS ";" OWS [ name "=" ( token / quoted-string ) ] )`
/// (RFC 9110 §5.6.6), as in `Content-Type` and `Content-Disposition`.
///
/// In quoted strings a backslash escapes only `"` and `\`; before any other character it stays a
/// backslash, because browsers do not escape (they percent-encode `"`, CR and LF per the HTML
/// standard) and old ones send Windows paths such as `"C:\Users\photo.jpg"`.
struct ParameterizedHeaderValue: Sendable {
    /// The leading value (`form-data`, `multipart/form-data`), as sent.
    var value: String
    /// The parameters in order, names lower-cased.
    var parameters: [(name: String, value: String)]

    /// The value of parameter `name` (lower-case), or nil.
    subscript(name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// Parses `bytes`; nil on any syntax error, a parameter given twice, or a value that is not UTF-8.
    /// The leading value is a run of token characters and `/`, checked by the caller.
    init?(_ bytes: some Collection<UInt8>) {
        let bytes = Array(bytes)
        var index = 0
        func skipWhitespace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        }
        func token() -> String? {
            let start = index
            while index < bytes.count, HTTPSyntax.isTokenChar(bytes[index]) { index += 1 }
            return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }

        skipWhitespace()
        let start = index
        while index < bytes.count, HTTPSyntax.isTokenChar(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index > start else { return nil }
        value = String(decoding: bytes[start..<index], as: UTF8.self)
        parameters = []

        while true {
            skipWhitespace()
            guard index < bytes.count else { break }
            guard bytes[index] == UInt8(ascii: ";") else { return nil }
            index += 1
            skipWhitespace()
            // Empty parameters (`;;`, a trailing `;`) are allowed by the grammar.
            guard index < bytes.count, bytes[index] != UInt8(ascii: ";") else { continue }
            guard let name = token()?.lowercased(), index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            let parameterValue: String
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                var unquoted: [UInt8] = []
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: "\"") {
                        closed = true
                        break
                    }
                    if byte == UInt8(ascii: "\\"), index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "\\") {
                        unquoted.append(bytes[index])
                        index += 1
                        continue
                    }
                    // qdtext: HTAB, SP, VCHAR except `"`, obs-text.
                    guard byte == 0x09 || (byte >= 0x20 && byte != 0x7F) else { return nil }
                    unquoted.append(byte)
                }
                guard closed, let text = String(validating: unquoted, as: UTF8.self) else { return nil }
                parameterValue = text
            } else {
                guard let text = token() else { return nil }
                parameterValue = text
            }
            guard !parameters.contains(where: { $0.name == name }) else { return nil }
            parameters.append((name, parameterValue))
        }
    }
}
