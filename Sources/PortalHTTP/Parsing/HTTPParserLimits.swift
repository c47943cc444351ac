/// Size limits applied while parsing a request, each answered with its own status.
public struct HTTPParserLimits: Sendable, Hashable {
    /// Longest request line accepted, CRLF excluded (longer: `414 URI Too Long`).
    public var maxRequestLineLength = 8192
    /// Largest header section (field lines and their CRLFs; longer: `431`). Also bounds chunked trailers.
    public var maxHeaderBytes = 16384
    /// Most header fields accepted (more: `431`). Also bounds chunked trailers.
    public var maxHeaderCount = 100
    /// Largest body accepted, declared or de-chunked (larger: `413 Content Too Large`).
    public var maxBodyBytes = 10 * 1024 * 1024
    /// Longest chunk extension accepted on a chunk-size line (longer: `400`).
    public var maxChunkExtensionLength = 256
    /// Most empty lines ignored before a request line (more: `400`).
    public var maxLeadingEmptyLines = 4

    /// Creates the default limits.
    public init() {}
}
