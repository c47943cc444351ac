/// The HTTP versions the server speaks. Anything else is answered with `505`.
public enum HTTPVersion: Sendable, Hashable {
    /// HTTP/1.0: connections close after each response unless the client asks for keep-alive.
    case http1_0
    /// HTTP/1.1: persistent connections by default.
    case http1_1
}
