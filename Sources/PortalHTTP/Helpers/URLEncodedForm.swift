/// A decoded `application/x-www-form-urlencoded` body (WHATWG URL §5): `name=value` pairs joined by `&`,
/// `+` meaning space, `%XX` escapes, UTF-8.
public struct URLEncodedForm: Sendable {
    /// Most fields accepted in one form; more is answered with 413.
    public static let maxFieldCount = 1000

    /// The fields in order.
    public let fields: [(name: String, value: String)]

    /// Creates a form from decoded fields.
    public init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// `text` percent-encoded for a query string or a form body (everything but RFC 3986's
    /// unreserved characters is escaped, so the result reads back the same way everywhere).
    public static func encode(_ text: String) -> String {
        PercentEncoding.encode(text)
    }

    /// Decodes a form body; throws a 400 ``HTTPError`` on a malformed escape or invalid UTF-8,
    /// and a 413 one beyond ``maxFieldCount`` fields.
    public static func decode(_ bytes: some Sequence<UInt8>) throws -> URLEncodedForm {
        var fields: [(name: String, value: String)] = []
        for pair in Array(bytes).split(separator: UInt8(ascii: "&")) {
            guard fields.count < maxFieldCount else { throw HTTPError(.payloadTooLarge, message: "too many form fields") }
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let value = equals == pair.endIndex ? [] : pair[(equals + 1)...]
            guard let name = PercentEncoding.decodeText(pair[..<equals], plusAsSpace: true),
                  let value = PercentEncoding.decodeText(value, plusAsSpace: true) else {
                throw HTTPError(.badRequest, message: "malformed form encoding")
            }
            fields.append((name, value))
        }
        return URLEncodedForm(fields: fields)
    }

    /// The first value of the field `name`, or nil.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of the field `name`, in order (e.g. checkboxes).
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Decodes fields without ever failing: malformed escapes stay literal, invalid UTF-8 is repaired.
    static func lenientFields(_ bytes: some Sequence<UInt8>) -> [(name: String, value: String)] {
        func text(_ part: ArraySlice<UInt8>) -> String {
            PercentEncoding.decodeText(part, plusAsSpace: true)
                ?? String(decoding: PercentEncoding.decode(part, plusAsSpace: true) ?? Array(part), as: UTF8.self)
        }
        return Array(bytes).split(separator: UInt8(ascii: "&")).prefix(maxFieldCount).map { pair in
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            return (text(pair[..<equals]), equals == pair.endIndex ? "" : text(pair[(equals + 1)...]))
        }
    }
}
