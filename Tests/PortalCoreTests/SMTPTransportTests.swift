import Foundation
@testable import PortalCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Delivery to a real SMTP server: Python's aiosmtpd, storing what it receives in a Maildir.
@Suite("Notifications: SMTP delivery to a real server")
struct SMTPTransportTests {
    /// A free loopback port, found by binding port 0.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// `python3 -m aiosmtpd` on `port`, delivering into `maildir`; waits until it accepts connections.
    static func startServer(port: Int, maildir: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if (try? SMTPConnection(host: "127.0.0.1", port: port, timeout: 1)).map({ $0.close() }) != nil { return process }
            usleep(100_000)
        }
        kill(process.processIdentifier, SIGKILL)
        throw SMTPTransport.ReplyError(step: "test", reply: "aiosmtpd did not start (pip install aiosmtpd)")
    }

    @Test("Messages reach the SMTP server; while it is down they wait in the outbox, then go")
    func delivery() throws {
        let flow = try DossierFlowTests()
        _ = try flow.filedCantineDossier()
        let outbox = Outbox(database: flow.dossiers.database)
        let port = try Self.freePort()
        let dispatcher = MailDispatcher(outbox: outbox, transport: SMTPTransport(host: "127.0.0.1", port: port, timeout: 5),
                                        sender: "Portail citoyen CCTOVAL <ne-pas-repondre@cctoval.fr>")
        let start = flow.now.addingTimeInterval(120)
        #expect(try dispatcher.deliverDue(now: start) == 0, "the server is not running yet")

        let maildir = try TestSupport.temporaryDirectory().appendingPathComponent("maildir")
        let server = try Self.startServer(port: port, maildir: maildir)
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        let retry = start.addingTimeInterval(Outbox.retryDelays[0])
        #expect(try dispatcher.deliverDue(now: retry) == 2)
        let received = try FileManager.default.contentsOfDirectory(at: maildir.appendingPathComponent("new"), includingPropertiesForKeys: nil)
        #expect(received.count == 2)
        let texts = try received.map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(texts.contains { $0.contains("To: habitant@demo.cctoval.fr") })
        #expect(texts.contains { $0.contains("To: agent.langeais@demo.cctoval.fr") })
        #expect(texts.allSatisfy { $0.contains("Content-Type: multipart/alternative;") })
        #expect(try outbox.due(now: retry.addingTimeInterval(86_400)).isEmpty)
    }

    @Test("Lines starting with a dot are doubled; envelope addresses come out of display names")
    func protocolDetails() {
        #expect(SMTPTransport.dotStuffed("a\n.b\r\n..c\n") == "a\r\n..b\r\n...c\r\n")
        #expect(SMTPTransport.address(in: "Portail <ne-pas-repondre@cctoval.fr>") == "ne-pas-repondre@cctoval.fr")
        let injected = SMTPTransport.address(in: "a@b.fr\r\nRCPT TO:<x@y.fr>")
        #expect(!injected.contains { $0.isNewline })
        #expect(SMTPTransport(address: "relais.cctoval.local:2525")?.port == 2525)
        #expect(SMTPTransport(address: "relais") == nil)
    }
}
