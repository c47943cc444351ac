import Foundation
import PortalTestSupport

/// A response as a browser sees it.
struct PageResponse {
    let status: Int
    let headers: [(name: String, value: String)]
    let body: String
    /// The body as received, for downloads.
    var bytes: [UInt8] = []

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    func headers(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The body with the HTML escapes of text undone, to look for sentences as a reader sees them.
    var text: String {
        body.replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The value of the hidden anti-forgery field of the first form on the page.
    var csrfToken: String? {
        guard let range = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// A minimal browser over a real socket: one connection per request, a cookie jar,
/// no redirect following (tests look at each redirect).
struct Browser {
    let port: Int
    var cookies: [String: String] = [:]

    init(port: Int) { self.port = port }

    mutating func get(_ path: String, headers: [(String, String)] = []) throws -> PageResponse {
        try send(method: "GET", path: path, headers: headers, body: [UInt8]?.none)
    }

    mutating func head(_ path: String) throws -> PageResponse {
        try send(method: "HEAD", path: path, headers: [], body: [UInt8]?.none)
    }

    /// Posts a urlencoded form as it is (add the `_csrf` field yourself, or use ``submit``).
    mutating func post(_ path: String, form: [(String, String)], contentType: String = "application/x-www-form-urlencoded") throws -> PageResponse {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try send(method: "POST", path: path, headers: [("Content-Type", contentType)], body: body)
    }

    /// Posts a `multipart/form-data` form with files, as a browser does for a file input.
    mutating func postMultipart(_ path: String, fields: [(String, String)], files: [(field: String, filename: String, bytes: [UInt8])]) throws -> PageResponse {
        let boundary = "----PortalTestBoundary7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try send(method: "POST", path: path, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
    }

    /// Opens `formPage`, then posts `form` with that page's anti-forgery token.
    mutating func submit(_ path: String, from formPage: String, form: [(String, String)]) throws -> PageResponse {
        let page = try get(formPage)
        return try post(path, form: [("_csrf", page.csrfToken ?? "")] + form)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private mutating func send(method: String, path: String, headers: [(String, String)], body: String?) throws -> PageResponse {
        try send(method: method, path: path, headers: headers, body: body.map { Array($0.utf8) })
    }

    private mutating func send(method: String, path: String, headers: [(String, String)], body: [UInt8]?) throws -> PageResponse {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"]
        if !cookies.isEmpty {
            lines.append("Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        lines += headers.map { "\($0.0): \($0.1)" }
        if let body { lines.append("Content-Length: \(body.count)") }
        let client = try RawHTTPClient(port: port)
        defer { client.close() }
        try client.send(Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + (body ?? []))
        let raw = try client.readResponse(head: method == "HEAD")
        let response = PageResponse(status: raw.status, headers: raw.headers, body: String(decoding: raw.body, as: UTF8.self), bytes: raw.body)
        for value in response.headers("Set-Cookie") {
            let pair = value.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), cookieValue = String(pair[1])
            if value.lowercased().contains("max-age=0") || cookieValue.isEmpty { cookies[name] = nil } else { cookies[name] = cookieValue }
        }
        return response
    }
}
