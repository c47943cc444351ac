import Foundation
import Testing
import PortalHTTP
import PortalTestSupport

@Suite("Server over real sockets", .serialized)
struct HTTPServerTests {
    @Test func pipelinedRequestsInOneWriteAreAnsweredInOrder() throws {
        let running = try RunningServer()
        let client = try running.client()
        try client.send((1...3).map { "GET /\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
        let bodies = try (1...3).map { _ in try client.readResponse().text }
        #expect(bodies == ["GET /1 0", "GET /2 0", "GET /3 0"])
    }

    @Test func keepAliveConnectionIsReused() throws {
        let log = Box<[AccessLogEntry]>([])
        let running = try RunningServer(accessLog: { entry in log.update { $0.append(entry) } })
        let client = try running.client()
        for index in 0..<3 {
            try client.send("GET /page/\(index)?secret=1 HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Connection") == nil)
            #expect(response.header("Date")?.hasSuffix(" GMT") == true)
        }
        #expect(running.server.connectionCount == 1)
        #expect(log.current.map(\.path) == ["/page/0", "/page/1", "/page/2"])
        #expect(log.current.first?.remoteAddress == "127.0.0.1")
        #expect(log.current.first?.status == 200)
    }

    @Test func http10ConnectionIsClosedAfterResponse() throws {
        let running = try RunningServer()
        let client = try running.client()
        try client.send("GET /old HTTP/1.0\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.text == "GET /old 0")
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByServer())
    }

    @Test func headHasLengthButNoBody() throws {
        let running = try RunningServer()
        let client = try running.client()
        try client.send("HEAD /abc HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.header("Content-Length") == "11")
        // Had a body been sent, it would now be read as the next status line.
        #expect(try client.readResponse().text == "GET /next 0")
    }

    @Test func expectContinueWithChunkedBody() throws {
        let running = try RunningServer()
        let client = try running.client()
        try client.send("POST /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n")
        let interim = try client.readResponse()
        #expect(interim.status == 100)
        try client.send("4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n")
        let final = try client.readResponse()
        #expect(final.status == 200)
        #expect(final.text == "POST /upload 7")
    }

    @Test func tooLargeBodyIsRefusedBeforeItIsSent() throws {
        let running = try RunningServer { $0.limits.maxBodyBytes = 1000 }
        let client = try running.client()
        try client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 20000000\r\nExpect: 100-continue\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByServer())
    }

    @Test(arguments: [
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-Filler: " + String(repeating: "f", count: 100) + "\r\n", count: 200) + "\r\n", 431),
        ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        ("BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc", 400),
        ("GET /%c0%ae%c0%ae/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ])
    func protocolErrorsGetTheirStatusAndClose(request: String, status: Int) throws {
        let log = Box<[AccessLogEntry]>([])
        let running = try RunningServer(accessLog: { entry in log.update { $0.append(entry) } })
        let client = try running.client()
        try client.send(request)
        let response = try client.readResponse()
        #expect(response.status == status)
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByServer())
        #expect(log.current.map(\.status) == [status])
        #expect(log.current.first?.path == "-")
    }

    @Test func slowHeaderIsCutOffAtAnAbsoluteDeadline() throws {
        let running = try RunningServer { $0.headerReadTimeout = 0.3 }
        let client = try running.client()
        try client.send("GET / HTTP/1.1\r\n")
        var linesSent = 0
        // Keep trickling a header line every 100 ms; a per-byte timer would never fire.
        while linesSent < 30, !client.waitForData(timeout: 0.1) {
            try? client.send("X-Slow-\(linesSent): 1\r\n")
            linesSent += 1
        }
        #expect(linesSent < 30)
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(client.isClosedByServer())
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        let running = try RunningServer { $0.idleTimeout = 0.3 }
        let client = try running.client()
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        #expect(client.isClosedByServer())
        #expect(running.waitForConnections(atMost: 0))
    }

    @Test func garbageNeverStopsTheServer() throws {
        let running = try RunningServer { $0.headerReadTimeout = 0.5 }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let client = try running.client()
            var bytes = (0..<Int.random(in: 1...2000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round.isMultiple(of: 2) { bytes += Array("\r\n\r\n".utf8) }
            try? client.send(bytes)
            let answer = String(decoding: client.readUntilClose(), as: UTF8.self)
            #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 4") || answer.hasPrefix("HTTP/1.1 5"), "\(answer.prefix(40))")
        }
        let client = try running.client()
        try client.send("GET /still-alive HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text == "GET /still-alive 0")
    }

    @Test func peerResetIsHarmless() throws {
        let running = try RunningServer()
        for _ in 0..<10 {
            let client = try running.client()
            try client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial")
            client.resetAndClose()
        }
        #expect(running.waitForConnections(atMost: 0))
        let client = try running.client()
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().status == 200)
    }

    @Test func gracefulShutdownLetsTheRequestInFlightFinish() throws {
        let started = DispatchSemaphore(value: 0)
        let running = try RunningServer(responder: ClosureResponder { _ in
            started.signal()
            usleep(500_000)
            return .text("slow but complete")
        })
        let idle = try running.client()
        let busy = try running.client()
        try busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(started.wait(timeout: .now() + 5) == .success)
        let done = DispatchSemaphore(value: 0)
        // A plain thread: Dispatch's global pool may be saturated by the blocked test and handler.
        Thread {
            running.server.shutdown()
            done.signal()
        }.start()
        let response = try busy.readResponse()
        #expect(response.text == "slow but complete")
        #expect(response.header("Connection") == "close")
        #expect(idle.isClosedByServer())
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(throws: RawHTTPClient.ClientError.self) { try RawHTTPClient(port: running.port) }
    }

    @Test func noDescriptorLeaksAfterManyConnections() throws {
        let running = try RunningServer()
        let before = openSocketCount()
        for index in 0..<60 {
            let client = try running.client()
            switch index % 3 {
            case 0:
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try client.readResponse()
            case 1:
                try client.send("GET / HTTP/9.9\r\n\r\n")
                _ = client.readUntilClose()
            default:
                break
            }
            client.close()
        }
        // The last connections may still be waiting in the accept queue: poll until they are opened and closed.
        #expect(eventually { openSocketCount() == before })
        #expect(running.waitForConnections(atMost: 0))
    }

    @Test func ipv6LoopbackWhenAvailable() throws {
        var configuration = HTTPServerConfiguration()
        configuration.host = "::1"
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, responder: ClosureResponder { _ in .text("v6") })
        guard let port = try? server.start() else { return }
        defer { server.shutdown() }
        let client = try RawHTTPClient(port: port, host: "::1")
        try client.send("GET / HTTP/1.1\r\nHost: [::1]\r\n\r\n")
        #expect(try client.readResponse().text == "v6")
    }

    @Test func largeBodiesInBothDirections() throws {
        // A long idle timeout: checking 6 MB byte by byte in a debug build on a loaded machine
        // can take longer than the suite's 2 s before the next request is sent.
        let running = try RunningServer(configure: { $0.idleTimeout = 60 }, responder: ClosureResponder { request in
            HTTPResponse(body: (0..<(request.body.count * 2)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        })
        let client = try running.client()
        let upload = [UInt8](repeating: 0x61, count: 3_000_000)
        try client.send(Array("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: \(upload.count)\r\n\r\n".utf8) + upload)
        let response = try client.readResponse()
        #expect(response.body.count == 6_000_000)
        #expect(response.body == (0..<6_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try client.send("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nz")
        #expect(try client.readResponse().body.count == 2)
    }

    @Test func clientThatNeverReadsIsDroppedAfterWriteTimeout() throws {
        let running = try RunningServer(
            configure: { $0.writeTimeout = 0.3 },
            responder: ClosureResponder { _ in HTTPResponse(body: [UInt8](repeating: 0x62, count: 30_000_000)) }
        )
        let client = try running.client()
        try client.send("GET /huge HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(client.waitForData(timeout: 5))
        #expect(running.server.connectionCount == 1)
        #expect(running.waitForConnections(atMost: 0))
    }

    @Test func waitUntilStoppedReturnsAfterShutdown() throws {
        let running = try RunningServer()
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            running.server.waitUntilStopped()
            stopped.signal()
        }.start()
        #expect(stopped.wait(timeout: .now() + 0.2) == .timedOut)
        running.server.shutdown()
        #expect(stopped.wait(timeout: .now() + 5) == .success)

        let neverStarted = HTTPServer(configuration: HTTPServerConfiguration(), responder: ClosureResponder { _ in .text("") })
        neverStarted.shutdown()
        neverStarted.waitUntilStopped()
    }

    @Test func invalidHostIsReported() {
        var configuration = HTTPServerConfiguration()
        configuration.host = "not an address"
        let server = HTTPServer(configuration: configuration, responder: ClosureResponder { _ in .text("") })
        #expect(throws: HTTPServerError.invalidHost("not an address")) { try server.start() }
    }
}
