/// A request method the server understands (RFC 9110 §9).
///
/// Syntactically valid methods outside this list are answered with `501 Not Implemented`.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH, TRACE, CONNECT
}
