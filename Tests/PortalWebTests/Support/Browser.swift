import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

    /// Posts a urlencoded form as it is (add the `_csrf` field yourself, or use ``submit``).
    mutating func post(_ path: String, form: [(String, String)], headers: [(String, String)] = []) throws -> PageResponse {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try send(method: "POST", path: path, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers, body: body)
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
        let raw = try RawConnection.exchange(port: port, request: Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + (body ?? "")).utf8))
        let response = try Self.parse(raw)
        for value in response.headers("Set-Cookie") {
            let pair = value.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), cookieValue = String(pair[1])
            if value.lowercased().contains("max-age=0") || cookieValue.isEmpty { cookies[name] = nil } else { cookies[name] = cookieValue }
        }
        return response
    }

    struct MalformedResponse: Error {}

    static func parse(_ raw: [UInt8]) throws -> PageResponse {
        guard let end = raw.firstRange(of: Array("\r\n\r\n".utf8)) else { throw MalformedResponse() }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw MalformedResponse() }
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return PageResponse(status: status, headers: headers, body: String(decoding: raw[end.upperBound...], as: UTF8.self))
    }
}

/// One request over a fresh loopback TCP connection, reading until the server closes it.
enum RawConnection {
    struct SocketError: Error { let step: String }

    static func exchange(port: Int, request: [UInt8], timeout: TimeInterval = 10) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(step: "socket") }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw SocketError(step: "connect") }
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw SocketError(step: "send") }
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            guard n > 0 else { throw SocketError(step: "recv") }
            received += buffer[..<n]
        }
        return received
    }
}
