import Foundation
import Testing
@testable import PortalHTTP
import PortalTestSupport

/// The server under many connections, over real sockets: silent and idle ones never lock others out,
/// and a refused client reads its `503`.
@Suite(.serialized) struct HTTPServerCapacityTests {
    @Test func twoThousandSilentConnectionsDoNotDelayAnOrdinaryRequest() throws {
        let running = try RunningServer { $0.headerReadTimeout = 30 }
        #expect(running.server.connectionCapacity > 2_000)
        var silent: [RawHTTPClient] = []
        for _ in 0..<2_000 { silent.append(try running.client()) }
        #expect(eventually(timeout: 10) { running.server.connectionCount >= 2_000 })

        let started = Date()
        let client = try running.client()
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(Date().timeIntervalSince(started) < 1)
        silent.forEach { $0.close() }
    }

    @Test func atTheCapTheOldestSilentConnectionsMakeRoom() throws {
        // Long delays: room is made by shedding, not by timeouts.
        let running = try RunningServer {
            $0.maxConnections = 20
            $0.headerReadTimeout = 30
            $0.pressureTimeout = 30
        }
        var silent: [RawHTTPClient] = []
        for _ in 0..<100 { silent.append(try running.client()) }
        #expect(eventually { running.server.connectionCount <= 20 && running.server.connectionCount > 0 })

        let client = try running.client()
        try client.send("GET /served HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text == "GET /served 0")
        #expect(silent[0].isClosedByServer(), "the oldest silent connection was shed")
    }

    @Test func atTheCapAnIdleKeepAliveConnectionMakesRoom() throws {
        let running = try RunningServer {
            $0.maxConnections = 2
            $0.idleTimeout = 30
            $0.pressureTimeout = 30
        }
        var idle: [RawHTTPClient] = []
        for _ in 0..<2 {
            let client = try running.client()
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            idle.append(client)
            // Each becomes idle before the next one opens, so which is the oldest is certain.
            let count = idle.count
            #expect(eventually { running.server.sheddableConnectionCount == count })
        }
        let client = try running.client()
        try client.send("GET /third HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text == "GET /third 0")
        #expect(idle[0].isClosedByServer(), "the oldest idle connection was closed")
        try idle[1].send("GET /still HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try idle[1].readResponse().text == "GET /still 0")
    }

    @Test func whenEveryConnectionIsBusyANewOneReadsAWhole503() throws {
        // Two requests held in the responder: both connections are busy, neither can be shed.
        let held = HeldResponder()
        let running = try RunningServer(configure: { $0.maxConnections = 2 }, responder: held)
        var busy: [RawHTTPClient] = []
        for _ in 0..<2 {
            let client = try running.client()
            try client.send("GET /held HTTP/1.1\r\nHost: x\r\n\r\n")
            busy.append(client)
        }
        #expect(held.waitForHeld(2))
        // The refused client sends its request straight away: the server must drain it, not reset.
        let refused = try running.client()
        try refused.send("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 20000\r\n\r\n" + String(repeating: "a", count: 20_000))
        let response = try refused.readResponse()
        #expect(response.status == 503)
        #expect(response.header("Retry-After") != nil)
        #expect(response.header("Connection") == "close")
        #expect(response.body.count == Int(response.header("Content-Length") ?? "") ?? -1)
        #expect(refused.isClosedByServer())

        held.release()
        #expect(try busy[0].readResponse().text == "/held")
        busy.forEach { $0.close() }
        #expect(running.waitForConnections(atMost: 0))
        let later = try running.client()
        try later.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try later.readResponse().status == 200)
    }

    @Test func pastTheRefusalSlotsANewClientStillReadsA503() throws {
        let held = HeldResponder()
        let running = try RunningServer(configure: { $0.maxConnections = 1 }, responder: held)
        let busy = try running.client()
        try busy.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(held.waitForHeld(1))
        // Refused clients that neither send nor close hold every refusal slot while the server drains them.
        let slots = ConnectionAdmission(capacity: 1).refusalSlots
        var refused: [RawHTTPClient] = []
        for _ in 0..<slots { refused.append(try running.client()) }
        #expect(eventually { running.server.connectionCount == 1 + slots })
        let late = try running.client()
        let response = try late.readResponse()
        #expect(response.status == 503)
        #expect(response.header("Retry-After") != nil)
        held.release()
    }

    @Test func nearTheCapSilentConnectionsGetTheShorterDelay() throws {
        let running = try RunningServer {
            $0.maxConnections = 8
            $0.headerReadTimeout = 30
            $0.pressureTimeout = 0.3
        }
        var silent: [RawHTTPClient] = []
        for _ in 0..<6 { silent.append(try running.client()) }
        let started = Date()
        #expect(running.waitForConnections(atMost: 0, timeout: 5))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(silent.allSatisfy { $0.isClosedByServer() })
    }

    @Test func aClientTricklingOneHeaderBytePerSecondIsCutAtTheHeaderDeadline() throws {
        let running = try RunningServer { $0.headerReadTimeout = 2.5 }
        let client = try running.client()
        let started = Date()
        var sent = 0
        for byte in "GET / HTTP/1.1\r\nHost: example\r\n\r\n".utf8 {
            guard !client.waitForData(timeout: 1) else { break }
            try? client.send([byte])
            sent += 1
        }
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(client.isClosedByServer())
        #expect(sent < 6)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aTooLargeBodySentAtOnceStillLetsTheClientReadThe413() throws {
        let running = try RunningServer { $0.limits.maxBodyBytes = 1000 }
        let client = try running.client()
        try client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 300000\r\n\r\n" + String(repeating: "b", count: 300_000))
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(response.header("Connection") == "close")
        #expect(response.body.count == Int(response.header("Content-Length") ?? "") ?? -1)
    }
}
