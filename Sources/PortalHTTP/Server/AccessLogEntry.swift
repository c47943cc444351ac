import Foundation

/// One answered request, for the access log (never the query string, which may hold personal data).
/// Requests refused before reaching the responder (malformed, too large, timed out, over the connection cap)
/// are logged with method and path `-`.
public struct AccessLogEntry: Sendable {
    /// The request method.
    public var method: String
    /// The decoded path, without the query.
    public var path: String
    /// The response status code.
    public var status: Int
    /// Seconds from the dispatch of the request to its response being ready.
    public var duration: TimeInterval
    /// The peer's IP address, "" when unknown.
    public var remoteAddress: String

    /// Creates an entry.
    public init(method: String, path: String, status: Int, duration: TimeInterval, remoteAddress: String) {
        self.method = method
        self.path = path
        self.status = status
        self.duration = duration
        self.remoteAddress = remoteAddress
    }
}
