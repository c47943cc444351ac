/// A response status code with its reason phrase. Two statuses are equal when their codes are
/// (the reason phrase is cosmetic, RFC 9110 §15.1).
public struct HTTPStatus: Sendable, Hashable {
    /// The three-digit status code.
    public let code: Int
    /// The reason phrase sent on the status line.
    public let reason: String

    /// Creates a status; the reason is sent as is on the status line (CR, LF and control characters are dropped).
    public init(code: Int, reason: String) {
        self.code = code
        self.reason = String(reason.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
    }

    /// Equal codes make equal statuses, whatever the reason phrases.
    public static func == (lhs: HTTPStatus, rhs: HTTPStatus) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    /// Whether a response with this status never carries a body (1xx, 204, 304).
    public var forbidsBody: Bool {
        (100..<200).contains(code) || code == 204 || code == 304
    }
}

extension HTTPStatus {
    /// 100 Continue
    public static let `continue` = HTTPStatus(code: 100, reason: "Continue")
    /// 200 OK
    public static let ok = HTTPStatus(code: 200, reason: "OK")
    /// 201 Created
    public static let created = HTTPStatus(code: 201, reason: "Created")
    /// 204 No Content
    public static let noContent = HTTPStatus(code: 204, reason: "No Content")
    /// 301 Moved Permanently
    public static let movedPermanently = HTTPStatus(code: 301, reason: "Moved Permanently")
    /// 302 Found
    public static let found = HTTPStatus(code: 302, reason: "Found")
    /// 303 See Other
    public static let seeOther = HTTPStatus(code: 303, reason: "See Other")
    /// 304 Not Modified
    public static let notModified = HTTPStatus(code: 304, reason: "Not Modified")
    /// 307 Temporary Redirect
    public static let temporaryRedirect = HTTPStatus(code: 307, reason: "Temporary Redirect")
    /// 400 Bad Request
    public static let badRequest = HTTPStatus(code: 400, reason: "Bad Request")
    /// 401 Unauthorized
    public static let unauthorized = HTTPStatus(code: 401, reason: "Unauthorized")
    /// 403 Forbidden
    public static let forbidden = HTTPStatus(code: 403, reason: "Forbidden")
    /// 404 Not Found
    public static let notFound = HTTPStatus(code: 404, reason: "Not Found")
    /// 405 Method Not Allowed
    public static let methodNotAllowed = HTTPStatus(code: 405, reason: "Method Not Allowed")
    /// 408 Request Timeout
    public static let requestTimeout = HTTPStatus(code: 408, reason: "Request Timeout")
    /// 409 Conflict
    public static let conflict = HTTPStatus(code: 409, reason: "Conflict")
    /// 413 Content Too Large
    public static let payloadTooLarge = HTTPStatus(code: 413, reason: "Content Too Large")
    /// 414 URI Too Long
    public static let uriTooLong = HTTPStatus(code: 414, reason: "URI Too Long")
    /// 415 Unsupported Media Type
    public static let unsupportedMediaType = HTTPStatus(code: 415, reason: "Unsupported Media Type")
    /// 422 Unprocessable Content
    public static let unprocessableContent = HTTPStatus(code: 422, reason: "Unprocessable Content")
    /// 429 Too Many Requests
    public static let tooManyRequests = HTTPStatus(code: 429, reason: "Too Many Requests")
    /// 431 Request Header Fields Too Large
    public static let requestHeaderFieldsTooLarge = HTTPStatus(code: 431, reason: "Request Header Fields Too Large")
    /// 500 Internal Server Error
    public static let internalServerError = HTTPStatus(code: 500, reason: "Internal Server Error")
    /// 501 Not Implemented
    public static let notImplemented = HTTPStatus(code: 501, reason: "Not Implemented")
    /// 503 Service Unavailable
    public static let serviceUnavailable = HTTPStatus(code: 503, reason: "Service Unavailable")
    /// 505 HTTP Version Not Supported
    public static let httpVersionNotSupported = HTTPStatus(code: 505, reason: "HTTP Version Not Supported")
}
