/// Turns a request into a response. Called synchronously on a concurrent queue, off the I/O path,
/// so it may block (e.g. on the database); it must be thread-safe.
public protocol HTTPResponder: Sendable {
    /// The response to `request`.
    func respond(to request: HTTPRequest) -> HTTPResponse
}
