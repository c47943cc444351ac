import Foundation
import Testing
@testable import PortalHTTP

/// A temporary asset folder with a CSS file, a nested script and a PNG.
struct AssetFolder: ~Copyable {
    let url: URL
    let css = String(repeating: "body { font-family: Marianne, sans-serif; }\n", count: 100)

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("js"), withIntermediateDirectories: true)
        try Data(css.utf8).write(to: url.appendingPathComponent("portal.css"))
        try Data("console.log('ok')".utf8).write(to: url.appendingPathComponent("js/app.js"))
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: url.appendingPathComponent("logo.png"))
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.appendingPathComponent("portal.css").path)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

@Suite("Static files")
struct StaticFilesTests {
    func request(_ target: String, _ headers: [(String, String)] = []) -> HTTPRequest {
        HTTPRequest(method: .GET, target: target, headers: HTTPHeaders(headers))
    }

    @Test func loadsFilesRecursivelyWithFingerprintedURLs() throws {
        let folder = try AssetFolder()
        let files = try StaticFiles(directory: folder.url)
        #expect(files.paths == ["js/app.js", "logo.png", "portal.css"])
        let url = files.url(for: "portal.css")
        #expect(url.hasPrefix("/static/portal.css?v="))
        #expect(url.count == "/static/portal.css?v=".count + 16)
        #expect(files.url(for: "missing.css") == "/static/missing.css")
    }

    @Test func missingFolderIsReported() {
        #expect(throws: StaticFiles.MissingDirectory(path: "/nonexistent/static")) {
            try StaticFiles(directory: URL(fileURLWithPath: "/nonexistent/static"))
        }
    }

    @Test func servesWithTypeValidatorsAndCachePolicy() throws {
        let folder = try AssetFolder()
        let files = try StaticFiles(directory: folder.url)
        let plain = try #require(files.response(for: request("/static/portal.css"), relativePath: "portal.css"))
        #expect(plain.status == .ok)
        #expect(plain.body == Array(folder.css.utf8))
        #expect(plain.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(plain.headers["Cache-Control"] == "no-cache")
        #expect(plain.headers["Last-Modified"] == "Tue, 14 Nov 2023 22:13:20 GMT")
        #expect(plain.headers["Vary"] == "Accept-Encoding")
        let etag = try #require(plain.headers["ETag"])
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))

        let versioned = try #require(files.response(for: request(files.url(for: "portal.css")), relativePath: "portal.css"))
        #expect(versioned.headers["Cache-Control"] == "public, max-age=31536000, immutable")
        let stale = try #require(files.response(for: request("/static/portal.css?v=0000000000000000"), relativePath: "portal.css"))
        #expect(stale.headers["Cache-Control"] == "no-cache")

        #expect(files.response(for: request("/static/logo.png"), relativePath: "logo.png")?.headers["Content-Type"] == "image/png")
        #expect(files.response(for: request("/static/logo.png"), relativePath: "logo.png")?.headers["Vary"] == nil)
    }

    @Test func conditionalRequestsGet304() throws {
        let folder = try AssetFolder()
        let files = try StaticFiles(directory: folder.url)
        let etag = try #require(files.response(for: request("/"), relativePath: "portal.css")?.headers["ETag"])
        func status(_ headers: [(String, String)]) -> Int? {
            files.response(for: request("/static/portal.css", headers), relativePath: "portal.css")?.status.code
        }
        #expect(status([("If-None-Match", etag)]) == 304)
        #expect(status([("If-None-Match", "\"other\", W/\(etag)")]) == 304)
        #expect(status([("If-None-Match", "*")]) == 304)
        #expect(status([("If-None-Match", "\"other\"")]) == 200)
        #expect(status([("If-Modified-Since", "Tue, 14 Nov 2023 22:13:20 GMT")]) == 304)
        #expect(status([("If-Modified-Since", "Wed, 15 Nov 2023 00:00:00 GMT")]) == 304)
        #expect(status([("If-Modified-Since", "Mon, 13 Nov 2023 00:00:00 GMT")]) == 200)
        // If-None-Match takes precedence over If-Modified-Since.
        #expect(status([("If-None-Match", "\"other\""), ("If-Modified-Since", "Wed, 15 Nov 2023 00:00:00 GMT")]) == 200)
        let notModified = files.response(for: request("/", [("If-None-Match", etag)]), relativePath: "portal.css")
        #expect(notModified?.body.isEmpty == true)
        #expect(notModified?.headers["ETag"] == etag)
    }

    @Test func servesPrecompressedCopyWhenAccepted() throws {
        let folder = try AssetFolder()
        let files = try StaticFiles(directory: folder.url)
        let response = try #require(files.response(for: request("/", [("Accept-Encoding", "gzip")]), relativePath: "portal.css"))
        #expect(response.headers["Content-Encoding"] == "gzip")
        #expect(response.body.count < folder.css.utf8.count)
        #expect(Gzip.decompress(response.body) == Array(folder.css.utf8))
    }

    @Test(arguments: ["../portal.css", "js/../portal.css", "..", "js\\app.js", "/etc/passwd", "portal.css\0",
                      "%2e%2e/portal.css", "js%2fapp.js", "%252e%252e/portal.css", "", "missing.css"])
    func refusesTraversalAndUnknownPaths(path: String) throws {
        let folder = try AssetFolder()
        let files = try StaticFiles(directory: folder.url)
        #expect(files.response(for: request("/static/x"), relativePath: path) == nil)
    }
}
