/// Parsing of the `Cookie` request header (RFC 6265 §5.4).
public enum Cookies {
    /// The cookies of a `Cookie` header by name; the first occurrence of a name wins.
    /// Tolerant of malformed input: pieces without `=` or with an empty name are skipped,
    /// surrounding double quotes of a value are removed.
    public static func parse(_ header: String) -> [String: String] {
        var cookies: [String: String] = [:]
        for piece in header.split(separator: ";") {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingHTTPWhitespace()
            var value = piece[piece.index(after: equals)...].trimmingHTTPWhitespace()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !name.isEmpty, cookies[name] == nil else { continue }
            cookies[name] = value
        }
        return cookies
    }
}
