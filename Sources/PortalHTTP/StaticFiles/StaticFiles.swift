import Foundation

/// Assets loaded once into memory at start-up and served with fingerprinted URLs, validators and gzip.
///
/// Only preloaded files can be served, so no request can reach outside the folder; paths with `..`,
/// backslashes, NUL or leftover `%` (double encoding) are refused anyway.
public struct StaticFiles: Sendable {
    /// `Cache-Control` for a request carrying the file's current fingerprint.
    public static let immutableCacheControl = "public, max-age=31536000, immutable"

    private let files: [String: StaticFile]
    private let urlPrefix: String

    /// The asset folder does not exist or is not a folder.
    public struct MissingDirectory: Error, Sendable, Hashable {
        /// The path that was given.
        public let path: String
    }

    /// Loads every regular file under `directory`, recursively; URLs start with `urlPrefix`.
    /// Throws ``MissingDirectory`` when `directory` is not a folder, or the file system's error.
    public init(directory: URL, urlPrefix: String = "/static") throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MissingDirectory(path: directory.path)
        }
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey]
        var files: [String: StaticFile] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys)
        while let url = enumerator?.nextObject() as? URL {
            let values = try url.resourceValues(forKeys: Set(keys))
            guard values.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(rootPath) else { continue }
            let relative = String(path.dropFirst(rootPath.count))
            let modified = Int(values.contentModificationDate?.timeIntervalSince1970 ?? 0)
            files[relative] = StaticFile(path: relative, body: Array(try Data(contentsOf: url)), modified: modified)
        }
        self.files = files
        self.urlPrefix = urlPrefix.hasSuffix("/") ? String(urlPrefix.dropLast()) : urlPrefix
    }

    /// The relative paths of the loaded files.
    public var paths: [String] { files.keys.sorted() }

    /// The fingerprinted URL of a file for templates, e.g. `/static/portal.css?v=<hash>`
    /// (without `v` when the file is unknown).
    public func url(for relativePath: String) -> String {
        guard let file = files[relativePath] else { return "\(urlPrefix)/\(relativePath)" }
        return "\(urlPrefix)/\(relativePath)?v=\(file.hash)"
    }

    /// The response serving `relativePath` (the part of the decoded path after the prefix), honouring
    /// `If-None-Match` (first) and `If-Modified-Since`; nil when no such file is loaded or the path is suspicious.
    public func response(for request: HTTPRequest, relativePath: String) -> HTTPResponse? {
        guard Self.isSafe(relativePath), let file = files[relativePath] else { return nil }
        var headers = HTTPHeaders()
        headers["ETag"] = file.etag
        headers["Last-Modified"] = HTTPDate.format(secondsSince1970: file.modified)
        headers["Cache-Control"] = request.queryValue("v") == file.hash ? Self.immutableCacheControl : "no-cache"
        if file.isCompressible { headers["Vary"] = "Accept-Encoding" }
        if isNotModified(file, request) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        headers["Content-Type"] = file.contentType
        if let gzipped = file.gzipped, request.acceptsGzip {
            headers["Content-Encoding"] = "gzip"
            return HTTPResponse(headers: headers, body: gzipped)
        }
        return HTTPResponse(headers: headers, body: file.body)
    }

    /// RFC 9110 §13.2.2: `If-None-Match` decides when present (weak comparison); otherwise `If-Modified-Since`.
    private func isNotModified(_ file: StaticFile, _ request: HTTPRequest) -> Bool {
        let tags = request.headers.values("If-None-Match")
        if !tags.isEmpty {
            return tags.flatMap { $0.split(separator: ",") }.contains { tag in
                let tag = tag.trimmingHTTPWhitespace()
                return tag == "*" || tag == file.etag || tag == "W/" + file.etag
            }
        }
        guard let since = request.headers["If-Modified-Since"].flatMap(HTTPDate.parse) else { return false }
        return file.modified <= since
    }

    /// Refuses traversal and encoding tricks even though lookup is confined to the preloaded files.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("..") && !path.contains("\\")
            && !path.contains("\0") && !path.contains("%")
    }
}
