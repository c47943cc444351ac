import Foundation
import PortalTestSupport

/// A response as a browser sees it.
struct PageResponse {
    let status: Int
    let headers: [(name: String, value: String)]
    let body: String

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
        try send(method: "GET", path: path, headers: headers, body: nil)
    }

    mutating func head(_ path: String) throws -> PageResponse {
        try send(method: "HEAD", path: path, headers: [], body: nil)
    }

    /// Posts a urlencoded form as it is (add the `_csrf` field yourself, or use ``submit``).
    mutating func post(_ path: String, form: [(String, String)], contentType: String = "application/x-www-form-urlencoded") throws -> PageResponse {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try send(method: "POST", path: path, headers: [("Content-Type", contentType)], body: body)
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
        var lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"]
        if !cookies.isEmpty {
            lines.append("Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        lines += headers.map { "\($0.0): \($0.1)" }
        if let body { lines.append("Content-Length: \(body.utf8.count)") }
        let raw = try RawHTTPClient.exchange(port: port, lines.joined(separator: "\r\n") + "\r\n\r\n" + (body ?? ""), head: method == "HEAD")
        let response = PageResponse(status: raw.status, headers: raw.headers, body: String(decoding: raw.body, as: UTF8.self))
        for value in response.headers("Set-Cookie") {
            let pair = value.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), cookieValue = String(pair[1])
            if value.lowercased().contains("max-age=0") || cookieValue.isEmpty { cookies[name] = nil } else { cookies[name] = cookieValue }
        }
        return response
    }
}
