/// Why the server could not start.
public enum HTTPServerError: Error, Sendable, Hashable {
    /// The host is not an IPv4 or IPv6 literal nor `localhost`.
    case invalidHost(String)
    /// A socket call failed with this `errno`.
    case socketFailed(call: String, errno: Int32)
    /// ``HTTPServer/start()`` was called twice.
    case alreadyStarted
}
