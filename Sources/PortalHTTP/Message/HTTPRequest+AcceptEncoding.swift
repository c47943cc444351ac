extension HTTPRequest {
    /// Whether `Accept-Encoding` allows gzip: listed (or `*`) with a non-zero quality, and not refused explicitly.
    public var acceptsGzip: Bool {
        var gzipQuality: Double?, wildcardQuality: Double?
        for value in headers.values("Accept-Encoding") {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";")
                guard let first = parts.first else { continue }
                let coding = first.trimmingHTTPWhitespace().lowercased()
                var quality = 1.0
                for parameter in parts.dropFirst() {
                    let text = parameter.trimmingHTTPWhitespace().lowercased()
                    if text.hasPrefix("q=") { quality = Double(text.dropFirst(2)) ?? 0 }
                }
                if coding == "gzip" || coding == "x-gzip" { gzipQuality = gzipQuality ?? quality }
                if coding == "*" { wildcardQuality = wildcardQuality ?? quality }
            }
        }
        return (gzipQuality ?? wildcardQuality ?? 0) > 0
    }
}
