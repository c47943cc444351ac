/// Turns a request into a response. Called synchronously on the connection's own serial queue;
/// connections run in parallel, so it may block (e.g. on the database) without holding up the
/// others. It must be thread-safe.
public protocol HTTPResponder: Sendable {
    /// The response to `request`.
    func respond(to request: HTTPRequest) -> HTTPResponse
}
