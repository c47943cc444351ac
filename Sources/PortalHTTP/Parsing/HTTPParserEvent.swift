/// What the parser produced from the bytes received so far.
public enum HTTPParserEvent: Sendable {
    /// The head of a request is complete and acceptable; its body (if any) is still to come.
    /// The request's `body` is empty. Lets the caller send `100 Continue`.
    case head(HTTPRequest)
    /// A complete request, body included.
    case request(HTTPRequest)
}
