/// The parts of a request head gathered while parsing.
struct PartialHead: Sendable {
    var method = HTTPMethod.GET
    var target = "/"
    var version = HTTPVersion.http1_1
    var fields: [(name: String, value: String)] = []
    /// Bytes of the header section consumed so far (trailers included).
    var headerBytes = 0
    /// Trailer fields seen so far.
    var trailerCount = 0

    init() {}

    /// Parses and validates `method SP request-target SP HTTP-version`.
    init(requestLine line: ArraySlice<UInt8>) throws(HTTPParseError) {
        guard let firstSpace = line.firstIndex(of: UInt8(ascii: " ")),
              let lastSpace = line.lastIndex(of: UInt8(ascii: " ")), firstSpace < lastSpace else { throw .malformedRequestLine }
        let methodBytes = line[..<firstSpace]
        let targetBytes = line[(firstSpace + 1)..<lastSpace]
        let versionBytes = line[(lastSpace + 1)...]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(HTTPSyntax.isTokenChar) else { throw .invalidMethod }
        version = try Self.parseVersion(versionBytes)
        guard let method = HTTPMethod(rawValue: String(decoding: methodBytes, as: UTF8.self)) else { throw .methodNotImplemented }
        self.method = method
        target = try Self.parseTarget(targetBytes, method: method)
    }

    /// `HTTP/1.0` or `HTTP/1.1`; other `HTTP/d.d` are unsupported (505), anything else malformed (400).
    static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        let text = Array(bytes)
        guard text.count == 8, text[0..<5].elementsEqual("HTTP/".utf8), text[6] == UInt8(ascii: "."),
              text[5] >= UInt8(ascii: "0"), text[5] <= UInt8(ascii: "9"),
              text[7] >= UInt8(ascii: "0"), text[7] <= UInt8(ascii: "9") else { throw .malformedRequestLine }
        switch (text[5], text[7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return .http1_1
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return .http1_0
        default: throw .versionNotSupported
        }
    }

    /// Accepts origin-form (its path must decode to valid UTF-8 without NUL) and `*` for OPTIONS.
    static func parseTarget(_ bytes: ArraySlice<UInt8>, method: HTTPMethod) throws(HTTPParseError) -> String {
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw .invalidTarget }
        if bytes.elementsEqual("*".utf8) {
            guard method == .OPTIONS else { throw .invalidTarget }
            return "*"
        }
        guard bytes.first == UInt8(ascii: "/") else { throw .invalidTarget }
        let pathBytes = bytes[..<(bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.endIndex)]
        guard let path = PercentEncoding.decode(pathBytes, plusAsSpace: false), !path.contains(0),
              String(validating: path, as: UTF8.self) != nil else { throw .invalidTarget }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The request described by this head.
    func request(body: [UInt8]) -> HTTPRequest {
        HTTPRequest(method: method, target: target, version: version, headers: HTTPHeaders(validated: fields), body: body)
    }
}
