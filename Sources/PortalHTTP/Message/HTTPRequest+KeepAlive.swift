extension HTTPRequest {
    /// Whether the client wants the connection kept open after the response:
    /// HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool {
        switch version {
        case .http1_1: !hasConnectionOption("close")
        case .http1_0: hasConnectionOption("keep-alive") && !hasConnectionOption("close")
        }
    }

    /// Whether a `Connection` header lists `option` (case-insensitive).
    public func hasConnectionOption(_ option: String) -> Bool {
        headers.values("Connection").contains { value in
            value.split(separator: ",").contains {
                HTTPHeaders.equalsIgnoringCase($0.trimmingHTTPWhitespace(), option)
            }
        }
    }

    /// Whether the client sent `Expect: 100-continue`.
    public var expectsContinue: Bool {
        guard version == .http1_1, let expect = headers["Expect"] else { return false }
        return HTTPHeaders.equalsIgnoringCase(Substring(expect).trimmingHTTPWhitespace(), "100-continue")
    }
}
