import Mustache

/// HTML escaping for the templates: the same five characters as swift-mustache's own HTML
/// content type (`& < > " '`), but over UTF-8 bytes, and returning the text untouched when it
/// has none of them — most values. swift-mustache's escaping walks characters through a
/// dictionary and took a third of a logged-in page's rendering time.
///
/// ``TemplateRenderer`` registers it under ``name`` and starts every template with the pragma
/// that selects it, so no template can do without it.
struct FastHTMLContentType: MustacheContentType {
    /// The name the `CONTENT_TYPE` pragma gives.
    static let name = "PORTAL_HTML"

    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: Self.needsEscaping) else { return text }
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
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
