import Foundation

/// The life of one connection, without sockets: bytes and events in, actions out.
///
/// Requests are answered one at a time, in order (pipelined requests wait in the parser's buffer).
/// Timeouts: a new connection's first byte and a whole head must arrive within `headerReadTimeout`
/// (absolute from the first byte), a body may pause at most `bodyReadTimeout`, an idle keep-alive
/// connection lasts `idleTimeout`, a response write `writeTimeout`. While the server is near its
/// connection cap, the first-byte and idle delays shrink to `pressureTimeout`. The transport arms a
/// timer on ``deadline`` and calls ``timerFired(at:)``.
struct HTTPConnectionStateMachine {
    /// What the transport must do.
    enum Action {
        /// Queue these bytes for writing, then call ``writeCompleted(at:)`` once everything queued is sent.
        case write([UInt8])
        /// Run the responder on this request, then call ``responseReady(_:at:)``.
        case dispatch(HTTPRequest)
        /// Close the connection (after the queued bytes are written).
        case close
        /// Close the connection at once, dropping whatever is still queued (write timeout).
        case abort
        /// A request was refused with this status before reaching the responder (for the access log).
        case rejected(HTTPStatus)
    }

    private enum State {
        /// Waiting for or parsing a request.
        case reading
        /// A request is with the responder.
        case responding(method: HTTPMethod, version: HTTPVersion, keepAlive: Bool)
        /// A final response is being written.
        case writing(thenClose: Bool)
        /// Nothing more will happen.
        case closed
    }

    /// Bytes buffered beyond the request being answered before the transport should stop reading.
    static let maxPipelinedBytes = 65536

    private let configuration: HTTPServerConfiguration
    private let remoteAddress: String
    private var parser: HTTPRequestParser
    private var state = State.reading
    private var idleSince: TimeInterval
    private var headStartedAt: TimeInterval?
    private var lastBodyActivity: TimeInterval = 0
    private var writeStartedAt: TimeInterval = 0
    private var answeredOnce = false
    private var receivedBytes = false
    private var peerHasClosed = false
    private var draining = false
    private var underPressure = false

    /// Creates the state of a connection accepted at `time`.
    init(configuration: HTTPServerConfiguration, remoteAddress: String, at time: ConnectionTime) {
        self.configuration = configuration
        self.remoteAddress = remoteAddress
        parser = HTTPRequestParser(limits: configuration.limits)
        idleSince = time.uptime
    }

    /// Whether the connection is over.
    var isClosed: Bool {
        if case .closed = state { return true }
        return false
    }

    /// Whether the transport should keep reading (false while enough pipelined bytes are buffered).
    var wantsToRead: Bool {
        switch state {
        case .reading: !peerHasClosed
        case .responding, .writing: !peerHasClosed && parser.bufferedByteCount < Self.maxPipelinedBytes
        case .closed: false
        }
    }

    /// When ``timerFired(at:)`` must be called, on the monotonic clock; nil when no timeout applies.
    var deadline: TimeInterval? {
        switch state {
        case .reading:
            if parser.isReadingBody { return lastBodyActivity + configuration.bodyReadTimeout }
            if let headStartedAt { return headStartedAt + configuration.headerReadTimeout }
            let timeout = answeredOnce ? configuration.idleTimeout : configuration.headerReadTimeout
            return idleSince + (underPressure ? min(timeout, configuration.pressureTimeout) : timeout)
        case .responding, .closed:
            return nil
        case .writing:
            return writeStartedAt + configuration.writeTimeout
        }
    }

    /// Whether closing the connection now would cost anything, and since when it would not.
    var activity: ConnectionActivity {
        guard case .reading = state, parser.isIdle, !peerHasClosed else { return .busy }
        if answeredOnce { return .idle(since: idleSince) }
        return receivedBytes ? .busy : .silent(since: idleSince)
    }

    /// The peer sent bytes.
    mutating func bytesReceived(_ bytes: some Sequence<UInt8>, at time: ConnectionTime) -> [Action] {
        guard !isClosed else { return [] }
        receivedBytes = true
        parser.append(bytes)
        guard case .reading = state else { return [] }
        return parse(at: time)
    }

    /// The responder answered the request dispatched last.
    mutating func responseReady(_ response: HTTPResponse, at time: ConnectionTime) -> [Action] {
        guard case .responding(let method, let version, let keepAlive) = state else { return [] }
        let close = !keepAlive || draining || response.asksToClose
        let connection = close ? "close" : (version == .http1_0 ? "keep-alive" : nil)
        let bytes = response.serialized(date: time.httpDate, includeBody: method != .HEAD, connection: connection)
        answeredOnce = true
        state = .writing(thenClose: close)
        writeStartedAt = time.uptime
        return [.write(bytes)]
    }

    /// Everything queued so far has been written.
    mutating func writeCompleted(at time: ConnectionTime) -> [Action] {
        guard case .writing(let thenClose) = state else { return [] }
        if thenClose {
            state = .closed
            return [.close]
        }
        state = .reading
        idleSince = time.uptime
        headStartedAt = nil
        return parse(at: time)
    }

    /// The peer closed its side (end of file). Requests already received are still answered.
    mutating func peerClosed(at time: ConnectionTime) -> [Action] {
        peerHasClosed = true
        guard case .reading = state else { return [] }
        return parse(at: time)
    }

    /// The deadline may have passed.
    mutating func timerFired(at time: ConnectionTime) -> [Action] {
        guard let deadline, time.uptime >= deadline else { return [] }
        switch state {
        case .reading where parser.isIdle:
            state = .closed
            return [.close]
        case .reading:
            return fail(with: HTTPError(.requestTimeout), at: time)
        case .writing:
            state = .closed
            return [.abort]
        case .responding, .closed:
            return []
        }
    }

    /// The server is shutting down: idle connections close now, others after their current response.
    mutating func shutdownRequested(at time: ConnectionTime) -> [Action] {
        draining = true
        if case .reading = state, parser.isIdle {
            state = .closed
            return [.close]
        }
        return []
    }

    /// The server is near (or back from) its connection cap: first-byte and idle delays shrink to
    /// `pressureTimeout` (or return to normal). Call ``deadline`` again afterwards.
    mutating func pressureChanged(_ underPressure: Bool) {
        self.underPressure = underPressure
    }

    /// The server needs this connection's slot: a silent connection is dropped at once, an idle keep-alive
    /// one closed; any other keeps going (it has just become busy) and nothing happens.
    mutating func shed() -> [Action] {
        switch activity {
        case .silent:
            state = .closed
            return [.abort]
        case .idle:
            state = .closed
            return [.close]
        case .busy:
            return []
        }
    }

    /// Pulls parser events until a request is dispatched, more bytes are needed, or an error is answered.
    private mutating func parse(at time: ConnectionTime) -> [Action] {
        var actions: [Action] = []
        if headStartedAt == nil, !parser.isIdle { headStartedAt = time.uptime }
        do {
            while let event = try parser.next() {
                switch event {
                case .head(let head):
                    lastBodyActivity = time.uptime
                    if head.expectsContinue, parser.isReadingBody, parser.bufferedByteCount == 0 {
                        actions.append(.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)))
                    }
                case .request(var request):
                    request.remoteAddress = remoteAddress
                    headStartedAt = nil
                    state = .responding(method: request.method, version: request.version, keepAlive: request.keepAlive)
                    actions.append(.dispatch(request))
                    return actions
                }
            }
        } catch {
            return actions + fail(with: error, at: time)
        }
        if parser.isReadingBody { lastBodyActivity = time.uptime }
        if peerHasClosed {
            state = .closed
            actions.append(.close)
        }
        return actions
    }

    /// Answers an error with `Connection: close` and closes once it is written.
    private mutating func fail(with error: some HTTPResponseError, at time: ConnectionTime) -> [Action] {
        let response = HTTPResponse.text("\(error.status.code) \(error.status.reason)\n", status: error.status)
        state = .writing(thenClose: true)
        writeStartedAt = time.uptime
        return [.rejected(error.status), .write(response.serialized(date: time.httpDate, includeBody: true, connection: "close"))]
    }
}
