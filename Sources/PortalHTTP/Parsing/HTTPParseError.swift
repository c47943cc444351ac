/// Why a request could not be parsed; each case carries the status it is answered with.
public enum HTTPParseError: HTTPResponseError, Sendable, Hashable {
    /// The request line exceeds `maxRequestLineLength` (414).
    case requestLineTooLong
    /// The header section exceeds `maxHeaderBytes` (431).
    case headerSectionTooLarge
    /// More than `maxHeaderCount` header fields (431).
    case tooManyHeaders
    /// The body exceeds `maxBodyBytes`, declared or accumulated (413).
    case bodyTooLarge
    /// A well-formed method token the server does not implement (501).
    case methodNotImplemented
    /// A method with characters outside the token set (400).
    case invalidMethod
    /// A well-formed version other than HTTP/1.0 and HTTP/1.1 (505).
    case versionNotSupported
    /// A request line that is not `method SP target SP version`, or a malformed version (400).
    case malformedRequestLine
    /// A target that is not origin-form (or `*` for OPTIONS), or whose path has a bad escape,
    /// an encoded NUL or invalid UTF-8 (400).
    case invalidTarget
    /// A line ending in a bare LF instead of CRLF (400).
    case bareLineFeed
    /// Too many empty lines before the request line (400).
    case tooManyEmptyLines
    /// A field line starting with whitespace: obsolete line folding (400).
    case obsoleteLineFolding
    /// A field name that is not a token (including whitespace before the colon),
    /// or a value with control characters (400).
    case invalidHeader
    /// HTTP/1.1 without `Host`, or several `Host` fields (400).
    case invalidHost
    /// A malformed, repeated or list-valued `Content-Length` (400).
    case invalidContentLength
    /// `Content-Length` together with `Transfer-Encoding` (400, request smuggling guard).
    case conflictingFraming
    /// `Transfer-Encoding` in an HTTP/1.0 request (400).
    case transferEncodingInHTTP10
    /// A transfer coding other than exactly `chunked`, e.g. `gzip, chunked` (501, RFC 9112 §6.1).
    case unsupportedTransferEncoding
    /// A malformed chunk-size line, chunk extension or missing CRLF after chunk data (400).
    case invalidChunk
    /// Chunked trailers beyond the header limits (431).
    case trailersTooLarge

    /// The status the error is answered with.
    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: .uriTooLong
        case .headerSectionTooLarge, .tooManyHeaders, .trailersTooLarge: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .payloadTooLarge
        case .methodNotImplemented, .unsupportedTransferEncoding: .notImplemented
        case .versionNotSupported: .httpVersionNotSupported
        case .invalidMethod, .malformedRequestLine, .invalidTarget, .bareLineFeed, .tooManyEmptyLines,
             .obsoleteLineFolding, .invalidHeader, .invalidHost, .invalidContentLength, .conflictingFraming,
             .transferEncodingInHTTP10, .invalidChunk:
            .badRequest
        }
    }
}
