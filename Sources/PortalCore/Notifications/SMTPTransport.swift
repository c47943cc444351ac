import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Delivers messages to an SMTP server (RFC 5321): the mail relay of the collectivity, without
/// TLS or authentication (a relay on the local network or the same host). Each message is one
/// connection; any unexpected reply throws, and the outbox tries again later.
public struct SMTPTransport: MailTransport {
    public let host: String
    public let port: Int
    /// The name given in EHLO.
    public let clientName: String
    public let timeout: TimeInterval

    /// The server answered something else than expected.
    public struct ReplyError: Error, CustomStringConvertible {
        public let step: String
        public let reply: String
        public var description: String { "SMTP \(step): \(reply)" }
    }

    public init(host: String, port: Int, clientName: String = "portail.cctoval.fr", timeout: TimeInterval = 30) {
        self.host = host
        self.port = port
        self.clientName = clientName
        self.timeout = timeout
    }

    /// `HOST:PORT`, as given on the command line.
    public init?(address: String) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
              (1...65535).contains(port) else { return nil }
        self.init(host: String(address[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
    }

    public func deliver(_ rendered: String, from sender: String, to recipient: String, messageID: String) throws {
        let connection = try SMTPConnection(host: host, port: port, timeout: timeout)
        defer { connection.close() }
        try connection.expect(220, step: "greeting")
        try connection.command("EHLO \(clientName)", expect: 250)
        try connection.command("MAIL FROM:<\(Self.address(in: sender))>", expect: 250)
        try connection.command("RCPT TO:<\(Self.address(in: recipient))>", expect: 250)
        try connection.command("DATA", expect: 354)
        try connection.send(Self.dotStuffed(rendered) + ".\r\n")
        try connection.expect(250, step: "end of data")
        try? connection.command("QUIT", expect: 221)
    }

    /// `ne-pas-repondre@cctoval.fr` from `Portail <ne-pas-repondre@cctoval.fr>`; no line breaks, control
    /// characters or angle brackets.
    static func address(in mailbox: String) -> String {
        var address = mailbox
        if let open = mailbox.lastIndex(of: "<"), let close = mailbox.lastIndex(of: ">"), open < close {
            address = String(mailbox[mailbox.index(after: open)..<close])
        }
        return MailFormat.header(address).filter { $0 != "<" && $0 != ">" && $0 != " " }
    }

    /// The message with CRLF line ends and every line starting with "." doubled (RFC 5321 §4.5.2).
    static func dotStuffed(_ message: String) -> String {
        var lines = message.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.map { $0 + "\r\n" }.joined()
    }
}

/// One SMTP conversation over a blocking TCP socket with send and receive timeouts.
final class SMTPConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(host: String, port: Int, timeout: TimeInterval) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else {
            throw SMTPTransport.ReplyError(step: "connect", reply: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(results) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        var connected: Int32 = -1
        while let info = candidate, connected < 0 {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                var interval = timeval(tv_sec: Int(timeout), tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
                if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    connected = fd
                } else {
                    Glibc.close(fd)
                }
            }
            candidate = info.pointee.ai_next
        }
        guard connected >= 0 else { throw SMTPTransport.ReplyError(step: "connect", reply: "cannot connect to \(host):\(port)") }
        fd = connected
    }

    func close() {
        Glibc.close(fd)
    }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw SMTPTransport.ReplyError(step: "send", reply: "connection lost") }
            bytes = bytes.dropFirst(sent)
        }
    }

    func command(_ line: String, expect code: Int) throws {
        try send(line + "\r\n")
        try expect(code, step: String(line.prefix { $0 != " " && $0 != ":" }))
    }

    /// Reads a whole (possibly multi-line) reply and checks its code.
    func expect(_ code: Int, step: String) throws {
        var reply = ""
        while true {
            let line = try readLine()
            reply += line + "\n"
            guard line.count >= 3 else { throw SMTPTransport.ReplyError(step: step, reply: reply) }
            // "250-…" continues, "250 …" ends.
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { break }
        }
        guard reply.hasPrefix(String(code)) else { throw SMTPTransport.ReplyError(step: step, reply: reply.trimmingCharacters(in: .newlines)) }
    }

    private func readLine() throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[..<newline].filter { $0 != UInt8(ascii: "\r") }
                buffer.removeSubrange(...newline)
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 16_384 else { throw SMTPTransport.ReplyError(step: "read", reply: "reply too long") }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw SMTPTransport.ReplyError(step: "read", reply: "connection closed or timed out") }
            buffer += chunk[..<count]
        }
    }
}
