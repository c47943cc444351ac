import Foundation

/// Where the server listens and the limits and timeouts it enforces.
public struct HTTPServerConfiguration: Sendable {
    /// The address to bind: an IPv4 or IPv6 literal (`127.0.0.1`, `::1`, `0.0.0.0`, `::`) or `localhost`.
    public var host = "127.0.0.1"
    /// The port to bind; 0 picks an ephemeral port (returned by ``HTTPServer/start()``).
    public var port = 8080
    /// Request size limits.
    public var limits = HTTPParserLimits()
    /// The whole head must arrive within this delay from its first byte (an absolute deadline,
    /// not reset by each byte, against slowloris); also the delay for a new connection's first byte.
    public var headerReadTimeout: TimeInterval = 10
    /// Longest pause allowed between two reads of a request body.
    public var bodyReadTimeout: TimeInterval = 30
    /// How long a keep-alive connection may stay idle between requests.
    public var idleTimeout: TimeInterval = 15
    /// How long writing one response may take.
    public var writeTimeout: TimeInterval = 30
    /// How long a new connection may stay silent, or a keep-alive one idle, while the server is near
    /// its connection cap (three quarters of it).
    public var pressureTimeout: TimeInterval = 2
    /// Open connections allowed; nil sizes the cap from the open-file limit (see ``ConnectionAdmission``).
    /// At the cap, a silent or idle connection is shed to make room; when every connection is busy, a new one
    /// gets `503` with `Retry-After` and is closed.
    public var maxConnections: Int?
    /// How long ``HTTPServer/shutdown()`` waits for requests in flight before closing everything.
    public var shutdownGracePeriod: TimeInterval = 10

    /// Creates the default configuration.
    public init() {}
}
