/// Media types by file extension, and which of them are worth compressing.
public enum MimeTypes {
    private static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "application/javascript; charset=utf-8",
        "mjs": "application/javascript; charset=utf-8", "json": "application/json",
        "txt": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "xml": "application/xml", "svg": "image/svg+xml", "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "avif": "image/avif", "ico": "image/x-icon", "woff": "font/woff", "woff2": "font/woff2",
        "ttf": "font/ttf", "otf": "font/otf", "pdf": "application/pdf", "map": "application/json",
        "webmanifest": "application/manifest+json", "wasm": "application/wasm",
    ]

    /// The media type for a file name, `application/octet-stream` when unknown.
    public static func type(forPath path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "application/octet-stream" }
        return byExtension[path[path.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// Whether a `Content-Type` value is text-like (text/*, JavaScript, JSON, XML, SVG).
    public static func isCompressible(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingHTTPWhitespace().lowercased() } ?? ""
        return type.hasPrefix("text/") || type == "application/javascript" || type == "application/json"
            || type == "image/svg+xml" || type == "application/xml" || type == "application/manifest+json"
    }
}
