extension MultipartForm {
    /// Longest boundary allowed by RFC 2046 §5.1.1.
    static let maxBoundaryLength = 70

    /// The boundary of a `multipart/form-data` `Content-Type` header value (quoted or token).
    /// Throws 415 for another media type, 400 when the header is malformed or the boundary is
    /// missing, empty, longer than 70 characters, ends with a space or holds a character outside
    /// RFC 2046's `bchars`.
    public static func boundary(fromContentType contentType: String) throws -> String {
        guard let header = ParameterizedHeaderValue(contentType.utf8) else {
            throw HTTPError(.badRequest, message: "malformed multipart Content-Type")
        }
        guard header.value.lowercased() == "multipart/form-data" else {
            throw HTTPError(.unsupportedMediaType, message: "Content-Type is not multipart/form-data")
        }
        guard let boundary = header["boundary"] else {
            throw HTTPError(.badRequest, message: "multipart boundary missing")
        }
        let bytes = Array(boundary.utf8)
        guard (1...maxBoundaryLength).contains(bytes.count), bytes.allSatisfy(isBoundaryChar), bytes.last != 0x20 else {
            throw HTTPError(.badRequest, message: "invalid multipart boundary")
        }
        return boundary
    }

    /// RFC 2046 `bchars`: DIGIT, ALPHA, `'()+_,-./:=?` and space.
    static func isBoundaryChar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"), UInt8(ascii: "_"), UInt8(ascii: ","),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "?"),
             UInt8(ascii: " "):
            true
        default:
            false
        }
    }
}
