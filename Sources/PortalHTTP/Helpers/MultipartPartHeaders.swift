/// The header fields of one part of a `multipart/form-data` body that matter (RFC 7578 §4):
/// `Content-Disposition`, `Content-Type`, `Content-Transfer-Encoding`. Others are ignored.
struct MultipartPartHeaders: Sendable {
    /// The `name` parameter of `Content-Disposition: form-data`.
    var name: String?
    /// The raw `filename` parameter (not yet sanitised); nil for a text field. `filename*` is ignored.
    var filename: String?
    /// The declared `Content-Type`, as sent.
    var contentType: String?

    private var sawDisposition = false
    private var sawTransferEncoding = false

    /// Content transfer encodings that leave the bytes as they are (RFC 7578 §4.7 deprecates others).
    static let identityTransferEncodings: Set<String> = ["7bit", "8bit", "binary"]

    /// Parses one header line (CRLF excluded): `name ":" OWS value OWS`, the name a token, the value
    /// field characters only. Throws 400 on folding, bad syntax, a repeated known field, a disposition
    /// other than `form-data` and an encoding other than 7bit, 8bit or binary.
    mutating func add(line: UnsafeBufferPointer<UInt8>) throws {
        guard let first = line.first, first != 0x20, first != 0x09 else {
            throw HTTPError(.badRequest, message: "multipart header line folded or starting with whitespace")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0,
              line[..<colon].allSatisfy(HTTPSyntax.isTokenChar) else {
            throw HTTPError(.badRequest, message: "malformed multipart header line")
        }
        var start = colon + 1
        var end = line.count
        while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        let value = line[start..<end]
        guard value.allSatisfy(HTTPSyntax.isFieldValueChar) else {
            throw HTTPError(.badRequest, message: "invalid character in multipart header value")
        }

        switch String(decoding: line[..<colon], as: UTF8.self).lowercased() {
        case "content-disposition":
            guard !sawDisposition else { throw HTTPError(.badRequest, message: "repeated Content-Disposition in multipart part") }
            sawDisposition = true
            guard let disposition = ParameterizedHeaderValue(value), disposition.value.lowercased() == "form-data" else {
                throw HTTPError(.badRequest, message: "multipart part disposition is not form-data")
            }
            guard let name = disposition["name"], !name.isEmpty else {
                throw HTTPError(.badRequest, message: "multipart part without a name")
            }
            self.name = name
            filename = disposition["filename"]
        case "content-type":
            guard contentType == nil else { throw HTTPError(.badRequest, message: "repeated Content-Type in multipart part") }
            guard !value.isEmpty, let text = String(validating: value, as: UTF8.self) else {
                throw HTTPError(.badRequest, message: "invalid Content-Type in multipart part")
            }
            contentType = text
        case "content-transfer-encoding":
            guard !sawTransferEncoding else { throw HTTPError(.badRequest, message: "repeated Content-Transfer-Encoding in multipart part") }
            sawTransferEncoding = true
            guard Self.identityTransferEncodings.contains(String(decoding: value, as: UTF8.self).lowercased()) else {
                throw HTTPError(.badRequest, message: "unsupported Content-Transfer-Encoding in multipart part")
            }
        default:
            break
        }
    }
}
