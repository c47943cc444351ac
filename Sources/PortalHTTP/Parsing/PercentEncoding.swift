/// Percent-decoding of request targets and form fields (RFC 3986 §2.1).
enum PercentEncoding {
    /// Decodes `%XX` escapes (and `+` as space when asked); nil when an escape is malformed.
    static func decode(_ bytes: some Sequence<UInt8>, plusAsSpace: Bool) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.underestimatedCount)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(HTTPSyntax.hexValue),
                      let low = iterator.next().flatMap(HTTPSyntax.hexValue) else { return nil }
                output.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                output.append(UInt8(ascii: " "))
            default:
                output.append(byte)
            }
        }
        return output
    }

    /// Decodes escapes into valid UTF-8 text; nil on a malformed escape or invalid (e.g. overlong) UTF-8.
    static func decodeText(_ bytes: some Sequence<UInt8>, plusAsSpace: Bool) -> String? {
        guard let decoded = decode(bytes, plusAsSpace: plusAsSpace) else { return nil }
        return String(validating: decoded, as: UTF8.self)
    }

    /// `text` with every byte but the unreserved ones (RFC 3986: letters, digits, `-._~`)
    /// written `%XX`: safe in a query string, a form body or a URL path segment.
    static func encode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return output
    }
}
