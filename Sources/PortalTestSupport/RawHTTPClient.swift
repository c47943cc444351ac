import Foundation
import Glibc

/// A blocking HTTP/1.1 test client on a raw TCP socket: sends exactly the bytes given and reads
/// responses honouring `Content-Length`, with a receive timeout so tests never hang.
public final class RawHTTPClient {
    /// Why a read failed.
    public enum ClientError: Error, Equatable {
        /// Connecting failed with this `errno`.
        case connectFailed(Int32)
        /// Nothing arrived within the timeout.
        case timedOut
        /// The server closed (or reset) the connection before a full response.
        case closed
        /// The bytes were not an HTTP response.
        case malformed
    }

    private var fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to `host:port` (IPv4 or IPv6 literal); reads give up after `timeout` seconds of silence.
    public init(port: Int, host: String = "127.0.0.1", timeout: TimeInterval = 5) throws {
        let family = host.contains(":") ? AF_INET6 : AF_INET
        fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError.connectFailed(errno) }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        let result: Int32
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &address.sin6_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw ClientError.connectFailed(code)
        }
    }

    deinit {
        close()
    }

    /// Sends `text` as UTF-8 bytes.
    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends raw bytes (all of them). Throws ``ClientError/closed`` if the server has gone.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw ClientError.closed }
            offset += sent
        }
    }

    /// Reads one response. `head` says the request was HEAD (no body follows). 1xx responses are returned as such.
    public func readResponse(head: Bool = false) throws -> RawHTTPResponse {
        var headEnd = try readUntilHeadEnd()
        let headText = String(decoding: buffer[..<headEnd], as: UTF8.self)
        headEnd += 4
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else { throw ClientError.malformed }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = RawHTTPResponse(
            status: status, reason: statusLine.count > 2 ? String(statusLine[2]) : "", headers: headers, body: []
        )
        buffer.removeFirst(headEnd)
        if head || status < 200 || status == 204 || status == 304 { return response }
        if let length = response.header("Content-Length").flatMap(Int.init) {
            while buffer.count < length { guard try fill() else { throw ClientError.closed } }
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else {
            while try fill() {}
            response.body = buffer
            buffer = []
        }
        return response
    }

    /// Reads everything until the server closes the connection (or the timeout elapses).
    public func readUntilClose() -> [UInt8] {
        while (try? fill()) == true {}
        defer { buffer = [] }
        return buffer
    }

    /// Whether the server closed the connection: a read returns end of file or a reset before the timeout,
    /// with no further bytes.
    public func isClosedByServer() -> Bool {
        guard buffer.isEmpty else { return false }
        do {
            return try !fill()
        } catch {
            return (error as? ClientError) == .closed
        }
    }

    /// Whether response bytes are (or become) available within `timeout` seconds, without consuming them.
    public func waitForData(timeout: TimeInterval) -> Bool {
        if !buffer.isEmpty { return true }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, Int32(timeout * 1000)) > 0
    }

    /// Closes the socket (idempotent).
    public func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Closes with a TCP reset (SO_LINGER 0), as a crashed or impatient client would.
    public func resetAndClose() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close()
    }

    /// Half-closes: tells the server nothing more will be sent.
    public func shutdownWrite() {
        shutdown(fd, Int32(SHUT_WR))
    }

    private func readUntilHeadEnd() throws -> Int {
        var searchFrom = 0
        while true {
            if buffer.count >= 4 {
                for index in searchFrom...(buffer.count - 4)
                where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                    return index
                }
                searchFrom = buffer.count - 3
            }
            guard try fill() else { throw ClientError.closed }
        }
    }

    /// Reads once into the buffer; false at end of file.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
        if count == 0 { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw ClientError.timedOut }
        throw ClientError.closed
    }
}

extension RawHTTPClient {
    /// Connects, sends `request`, reads one response and disconnects.
    public static func exchange(port: Int, _ request: String, head: Bool = false, timeout: TimeInterval = 5) throws -> RawHTTPResponse {
        let client = try RawHTTPClient(port: port, timeout: timeout)
        try client.send(request)
        return try client.readResponse(head: head)
    }
}
