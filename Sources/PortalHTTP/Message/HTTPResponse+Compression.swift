extension HTTPResponse {
    /// Bodies smaller than this are not worth compressing.
    static let minimumCompressedSize = 1024

    /// This response gzip-compressed when the request accepts gzip and the body is a large enough
    /// text-like type not already encoded; compressible types always get `Vary: Accept-Encoding`.
    public func compressedIfAccepted(by request: HTTPRequest) -> HTTPResponse {
        guard let type = headers["Content-Type"], MimeTypes.isCompressible(type) else { return self }
        var response = self
        response.addVaryAcceptEncoding()
        guard body.count >= Self.minimumCompressedSize, !headers.contains("Content-Encoding"),
              request.acceptsGzip else { return response }
        let compressed = Gzip.compress(body)
        guard !compressed.isEmpty, compressed.count < body.count else { return response }
        response.body = compressed
        response.headers["Content-Encoding"] = "gzip"
        return response
    }

    /// Adds `Accept-Encoding` to `Vary` unless already listed.
    mutating func addVaryAcceptEncoding() {
        let listed = headers.values("Vary").contains { value in
            value.split(separator: ",").contains { HTTPHeaders.equalsIgnoringCase($0.trimmingHTTPWhitespace(), "Accept-Encoding") }
        }
        if !listed { headers.add("Vary", "Accept-Encoding") }
    }
}
