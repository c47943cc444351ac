/// A path that exists, asked with a method it does not answer: `405` with `Allow`.
public struct MethodNotAllowed: HTTPResponseError, Sendable, Equatable {
    /// The methods the path answers, HEAD included when GET is.
    public let allowed: Set<HTTPMethod>

    public var status: HTTPStatus { .methodNotAllowed }
    public var headers: HTTPHeaders { HTTPHeaders([("Allow", allowed.map(\.rawValue).sorted().joined(separator: ", "))]) }
}
