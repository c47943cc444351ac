extension HTTPResponse {
    /// The response as bytes on the wire: status line, the responder's headers, then `Date`,
    /// `Content-Length` (except for 1xx, 204 and 304) and the connection disposition, then the body.
    ///
    /// - Parameters:
    ///   - date: the `Date` header value (IMF-fixdate).
    ///   - includeBody: false for HEAD requests (the `Content-Length` still announces the GET body).
    ///   - connection: the `Connection` header to send, if any (`close` or `keep-alive`).
    func serialized(date: String, includeBody: Bool, connection: String?) -> [UInt8] {
        var bytes: [UInt8] = []
        let sendsBody = includeBody && !status.forbidsBody
        bytes.reserveCapacity(256 + (sendsBody ? body.count : 0))
        bytes.append(contentsOf: "HTTP/1.1 \(status.code) \(status.reason)\r\n".utf8)
        for (name, value) in headers where !Self.isManagedByServer(name) {
            bytes.append(contentsOf: name.utf8)
            bytes.append(contentsOf: ": ".utf8)
            bytes.append(contentsOf: value.utf8)
            bytes.append(contentsOf: "\r\n".utf8)
        }
        bytes.append(contentsOf: "Date: ".utf8)
        bytes.append(contentsOf: date.utf8)
        if !status.forbidsBody {
            bytes.append(contentsOf: "\r\nContent-Length: ".utf8)
            bytes.append(contentsOf: String(body.count).utf8)
        }
        if let connection {
            bytes.append(contentsOf: "\r\nConnection: ".utf8)
            bytes.append(contentsOf: connection.utf8)
        }
        bytes.append(contentsOf: "\r\n\r\n".utf8)
        if sendsBody { bytes.append(contentsOf: body) }
        return bytes
    }

    /// Whether the responder asked for the connection to be closed after this response.
    var asksToClose: Bool {
        headers.values("Connection").contains { HTTPHeaders.equalsIgnoringCase($0, "close") }
    }

    /// Headers the server writes itself; a responder's values for them are ignored.
    private static func isManagedByServer(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: HTTPHeaders.equalsIgnoringCase(name, "Date")
        case 10: HTTPHeaders.equalsIgnoringCase(name, "Connection")
        case 14: HTTPHeaders.equalsIgnoringCase(name, "Content-Length")
        case 17: HTTPHeaders.equalsIgnoringCase(name, "Transfer-Encoding")
        default: false
        }
    }
}
