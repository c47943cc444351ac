/// An error that knows which HTTP status it should be answered with.
public protocol HTTPResponseError: Error {
    /// The status of the response that reports this error.
    var status: HTTPStatus { get }
    /// Headers the response must carry (`Allow` for a 405); none by default.
    var headers: HTTPHeaders { get }
}

extension HTTPResponseError {
    public var headers: HTTPHeaders { HTTPHeaders() }
}

/// A plain error carrying a status and an optional message meant for logs, not for users.
public struct HTTPError: HTTPResponseError, Sendable, Equatable {
    /// The status to answer with.
    public var status: HTTPStatus
    /// A short explanation of what went wrong.
    public var message: String?

    /// Creates an error answered with `status`.
    public init(_ status: HTTPStatus, message: String? = nil) {
        self.status = status
        self.message = message
    }
}
