/// A complete request as handed to responders.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The raw request-target as received (origin-form, or `*`).
    public var target: String {
        didSet { (path, query) = Self.split(target) }
    }
    /// The percent-decoded path, without the query.
    public var path: String
    /// The raw query, without the `?`, or nil when the target has none.
    public var query: String?
    /// The protocol version of the request.
    public var version: HTTPVersion
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body, de-chunked.
    public var body: [UInt8]
    /// The peer's IP address as text, or an empty string when unknown.
    public var remoteAddress: String

    /// Creates a request; `path` and `query` are derived from `target`.
    public init(
        method: HTTPMethod,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        remoteAddress: String = ""
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        (path, query) = Self.split(target)
    }

    /// Splits a target into its decoded path and raw query. Undecodable paths are kept raw
    /// (the parser rejects them before a request is ever built from the network).
    private static func split(_ target: String) -> (path: String, query: String?) {
        let utf8 = target.utf8
        let questionMark = utf8.firstIndex(of: UInt8(ascii: "?"))
        let rawPath = target[..<(questionMark ?? target.endIndex)]
        let query = questionMark.map { String(target[target.index(after: $0)...]) }
        let path = PercentEncoding.decodeText(rawPath.utf8, plusAsSpace: false) ?? String(rawPath)
        return (path, query)
    }
}
