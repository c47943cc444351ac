import Foundation
import PortalHTTP
import PortalTestSupport

/// A responder made of a closure.
struct ClosureResponder: HTTPResponder {
    let handler: @Sendable (HTTPRequest) -> HTTPResponse

    func respond(to request: HTTPRequest) -> HTTPResponse {
        handler(request)
    }
}

/// A responder that holds each request until ``release()``: its connections stay busy meanwhile.
final class HeldResponder: HTTPResponder, Sendable {
    private let entered = Box(0)
    private let released = Box(false)

    func respond(to request: HTTPRequest) -> HTTPResponse {
        entered.update { $0 += 1 }
        _ = eventually(timeout: 10) { released.current }
        return .text(request.path)
    }

    /// Waits until `count` requests are being held.
    func waitForHeld(_ count: Int) -> Bool {
        eventually { entered.current == count }
    }

    /// Lets every request held, and any later one, be answered.
    func release() {
        released.update { $0 = true }
    }
}

/// A real server on an ephemeral loopback port, shut down when the test is done.
final class RunningServer: Sendable {
    let server: HTTPServer
    let port: Int

    init(
        configure: (inout HTTPServerConfiguration) -> Void = { _ in },
        accessLog: (@Sendable (AccessLogEntry) -> Void)? = nil,
        responder: any HTTPResponder = ClosureResponder { .text("\($0.method.rawValue) \($0.target) \($0.body.count)") }
    ) throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.headerReadTimeout = 2
        configuration.idleTimeout = 2
        configuration.shutdownGracePeriod = 2
        configure(&configuration)
        server = HTTPServer(configuration: configuration, responder: responder, accessLog: accessLog)
        port = try server.start()
    }

    deinit {
        server.shutdown()
    }

    /// A new client connected to the server.
    func client(timeout: TimeInterval = 5) throws -> RawHTTPClient {
        try RawHTTPClient(port: port, timeout: timeout)
    }

    /// Waits (up to `timeout`) until the server has at most `count` connections open.
    func waitForConnections(atMost count: Int, timeout: TimeInterval = 5) -> Bool {
        eventually(timeout: timeout) { server.connectionCount <= count }
    }
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes; returns whether it held.
func eventually(timeout: TimeInterval = 5, _ condition: () -> Bool) -> Bool {
    let end = Date(timeIntervalSinceNow: timeout)
    while Date() < end {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}

/// The number of open socket descriptors of this process.
func openSocketCount() -> Int {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return entries.filter { entry in
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(entry)"))?.hasPrefix("socket:") == true
    }.count
}
