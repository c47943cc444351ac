import Testing
@testable import PortalHTTP

/// Drives a state machine with a fake clock and records what it asks the transport to do.
struct MachineHarness {
    var machine: HTTPConnectionStateMachine
    var clock: Double = 100

    init(configure: (inout HTTPServerConfiguration) -> Void = { _ in }) {
        var configuration = HTTPServerConfiguration()
        configuration.headerReadTimeout = 10
        configuration.bodyReadTimeout = 30
        configuration.idleTimeout = 15
        configuration.writeTimeout = 30
        configure(&configuration)
        machine = HTTPConnectionStateMachine(configuration: configuration, remoteAddress: "192.0.2.1", at: Self.time(100))
    }

    static func time(_ uptime: Double) -> ConnectionTime {
        ConnectionTime(uptime: uptime, httpDate: "Sun, 06 Nov 1994 08:49:37 GMT")
    }

    var now: ConnectionTime { Self.time(clock) }

    mutating func receive(_ text: String) -> [HTTPConnectionStateMachine.Action] {
        machine.bytesReceived(Array(text.utf8), at: now)
    }

    mutating func respond(_ response: HTTPResponse) -> [HTTPConnectionStateMachine.Action] {
        machine.responseReady(response, at: now)
    }

    mutating func written() -> [HTTPConnectionStateMachine.Action] {
        machine.writeCompleted(at: now)
    }

    mutating func advance(to uptime: Double) -> [HTTPConnectionStateMachine.Action] {
        clock = uptime
        return machine.timerFired(at: now)
    }
}

extension [HTTPConnectionStateMachine.Action] {
    var dispatched: [HTTPRequest] {
        compactMap { if case .dispatch(let request) = $0 { request } else { nil } }
    }

    var writtenText: String {
        map { if case .write(let bytes) = $0 { String(decoding: bytes, as: UTF8.self) } else { "" } }.joined()
    }

    var rejections: [Int] {
        compactMap { if case .rejected(let status) = $0 { status.code } else { nil } }
    }

    var closes: Bool {
        contains { if case .close = $0 { true } else { false } }
    }
}

@Suite("Connection state machine (no sockets, fake clock)")
struct HTTPConnectionStateMachineTests {
    @Test func pipelinedRequestsAreAnsweredOneAtATimeInOrder() {
        var harness = MachineHarness()
        var actions = harness.receive("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(actions.dispatched.map(\.path) == ["/1"])
        #expect(actions.dispatched.first?.remoteAddress == "192.0.2.1")
        actions = harness.respond(.text("one"))
        #expect(actions.writtenText.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(actions.writtenText.hasSuffix("\r\n\r\none"))
        actions = harness.written()
        #expect(actions.dispatched.map(\.path) == ["/2"])
    }

    @Test func responsesCarryDateAndContentLength() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        let text = harness.respond(.text("hello")).writtenText
        #expect(text.contains("\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"))
        #expect(text.contains("\r\nContent-Length: 5\r\n"))
        #expect(!text.contains("Connection:"))
    }

    @Test func keepAliveConnectionWaitsForNextRequest() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = harness.respond(.text("a"))
        #expect(!harness.written().closes)
        #expect(!harness.machine.isClosed)
        #expect(harness.receive("GET /again HTTP/1.1\r\nHost: x\r\n\r\n").dispatched.count == 1)
    }

    @Test func connectionCloseIsHonoured() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(harness.respond(.text("a")).writtenText.contains("\r\nConnection: close\r\n"))
        #expect(harness.written().closes)
    }

    @Test func http10ClosesByDefaultAndKeepsAliveOnRequest() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.0\r\n\r\n")
        #expect(harness.respond(.text("a")).writtenText.contains("Connection: close"))
        #expect(harness.written().closes)

        var kept = MachineHarness()
        _ = kept.receive("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(kept.respond(.text("a")).writtenText.contains("\r\nConnection: keep-alive\r\n"))
        #expect(!kept.written().closes)
    }

    @Test func headGetsHeadersAndLengthButNoBody() {
        var harness = MachineHarness()
        _ = harness.receive("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
        let text = harness.respond(.text("twelve bytes")).writtenText
        #expect(text.contains("Content-Length: 12\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func notModifiedHasNoBodyNorLength() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        let text = harness.respond(HTTPResponse(status: .notModified, body: Array("ignored".utf8))).writtenText
        #expect(!text.contains("Content-Length"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func expectContinueIsAnsweredBeforeTheBody() {
        var harness = MachineHarness()
        var actions = harness.receive("PUT /f HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
        #expect(actions.writtenText == "HTTP/1.1 100 Continue\r\n\r\n")
        #expect(actions.dispatched.isEmpty)
        actions = harness.receive("data")
        #expect(actions.dispatched.first?.body == Array("data".utf8))
    }

    @Test func tooLargeBodyIsRefusedWithoutContinue() {
        var harness = MachineHarness { $0.limits.maxBodyBytes = 10 }
        let actions = harness.receive("PUT /f HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 400\r\n\r\n")
        #expect(actions.writtenText.hasPrefix("HTTP/1.1 413 "))
        #expect(actions.writtenText.contains("Connection: close"))
        #expect(harness.written().closes)
    }

    @Test func parseErrorsAreAnsweredThenClosed() {
        var harness = MachineHarness()
        let actions = harness.receive("GET / HTTP/1.1\r\n\r\n")
        #expect(actions.rejections == [400])
        #expect(actions.writtenText.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(actions.writtenText.contains("Connection: close"))
        #expect(harness.written().closes)
    }

    @Test func slowHeaderGets408AtAnAbsoluteDeadline() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\n")
        #expect(harness.machine.deadline == 110)
        harness.clock = 105
        _ = harness.receive("X-A: 1\r\n")
        #expect(harness.machine.deadline == 110, "a trickle of bytes must not extend the deadline")
        #expect(harness.advance(to: 109.9).isEmpty)
        let actions = harness.advance(to: 110)
        #expect(actions.writtenText.hasPrefix("HTTP/1.1 408 "))
        #expect(harness.written().closes)
    }

    @Test func silentNewConnectionClosesWithoutResponse() {
        var harness = MachineHarness()
        #expect(harness.machine.deadline == 110)
        let actions = harness.advance(to: 110)
        #expect(actions.writtenText.isEmpty)
        #expect(actions.closes)
    }

    @Test func idleKeepAliveConnectionCloses() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        harness.clock = 101
        _ = harness.respond(.text("a"))
        _ = harness.written()
        #expect(harness.machine.deadline == 116)
        let actions = harness.advance(to: 116)
        #expect(actions.closes)
        #expect(actions.writtenText.isEmpty)
    }

    @Test func stalledBodyGets408() {
        var harness = MachineHarness()
        _ = harness.receive("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        #expect(harness.machine.deadline == 130)
        harness.clock = 120
        _ = harness.receive("de")
        #expect(harness.machine.deadline == 150, "body progress extends the pause allowance")
        #expect(harness.advance(to: 150).writtenText.hasPrefix("HTTP/1.1 408 "))
    }

    @Test func stalledWriteAbortsTheConnection() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = harness.respond(.text("a"))
        #expect(harness.machine.deadline == 130)
        let actions = harness.advance(to: 130)
        #expect(actions.contains { if case .abort = $0 { true } else { false } })
        #expect(harness.machine.isClosed)
    }

    @Test func noTimeoutWhileTheResponderWorks() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(harness.machine.deadline == nil)
        #expect(harness.advance(to: 10_000).isEmpty)
    }

    @Test func shutdownClosesIdleAndMarksInFlightResponsesClose() {
        var idle = MachineHarness()
        #expect(idle.machine.shutdownRequested(at: idle.now).closes)

        var busy = MachineHarness()
        _ = busy.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(busy.machine.shutdownRequested(at: busy.now).isEmpty)
        #expect(busy.respond(.text("done")).writtenText.contains("Connection: close"))
        #expect(busy.written().closes)
    }

    @Test func peerHalfCloseStillGetsItsAnswers() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(harness.machine.peerClosed(at: harness.now).isEmpty)
        _ = harness.respond(.text("a"))
        #expect(harness.written().closes)
    }

    @Test func pipelinedBytesBeyondTheLimitPauseReading() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(harness.machine.wantsToRead)
        _ = harness.receive(String(repeating: "x", count: HTTPConnectionStateMachine.maxPipelinedBytes))
        #expect(!harness.machine.wantsToRead)
    }
}
