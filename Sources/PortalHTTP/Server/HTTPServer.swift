import Dispatch
import Foundation
import Glibc

/// An HTTP/1.1 server on Glibc sockets and Dispatch.
///
/// A non-blocking listening socket is drained by a read source; each connection runs on its own
/// serial queue, where its responder runs too. See ``HTTPServerConfiguration`` for limits, and
/// ``ConnectionAdmission`` for what happens at the connection cap.
public final class HTTPServer: Sendable {
    private enum Phase {
        case idle, running, stopping, stopped
    }

    private struct State {
        var phase = Phase.idle
        var acceptSource: DispatchSourceRead?
        var admission = ConnectionAdmission(capacity: 1)
        var connections: [Int: HTTPConnection] = [:]
    }

    private let configuration: HTTPServerConfiguration
    private let listener: HTTPListener?
    private let responder: any HTTPResponder
    private let accessLog: (@Sendable (AccessLogEntry) -> Void)?
    private let state = Locked(State())
    private let acceptQueue = DispatchQueue(label: "portal.http.accept")

    /// Creates a server; nothing happens until ``start()``.
    ///
    /// - Parameter listener: a socket bound beforehand (its port known before the responder is
    ///   built); without it, ``start()`` binds `configuration`'s host and port.
    public init(
        configuration: HTTPServerConfiguration, listener: HTTPListener? = nil, responder: any HTTPResponder,
        accessLog: (@Sendable (AccessLogEntry) -> Void)? = nil
    ) {
        self.configuration = configuration
        self.listener = listener
        self.responder = responder
        self.accessLog = accessLog
    }

    /// Raises the open-file limit (``OpenFileLimit``), sizes the connection cap, binds and listens, then
    /// accepts on Dispatch; returns the bound port (useful with port 0).
    public func start() throws -> Int {
        signal(SIGPIPE, SIG_IGN)
        let openFiles = OpenFileLimit.raiseToHardLimit()
        return try state.withLock { state in
            guard state.phase == .idle else { throw HTTPServerError.alreadyStarted }
            let (listener, port) = try self.listener.map { ($0.descriptor, $0.port) }
                ?? Socket.listen(host: configuration.host, port: configuration.port)
            let source = DispatchSource.makeReadSource(fileDescriptor: listener, queue: acceptQueue)
            source.setEventHandler { [self] in acceptPending(on: listener) }
            source.setCancelHandler { close(listener) }
            state.admission = configuration.maxConnections.map(ConnectionAdmission.init(capacity:))
                ?? ConnectionAdmission(openFileLimit: openFiles)
            state.acceptSource = source
            state.phase = .running
            source.resume()
            return port
        }
    }

    /// Stops gracefully: stops accepting, closes idle connections, lets requests in flight finish
    /// (their responses carry `Connection: close`), and closes whatever remains after
    /// `shutdownGracePeriod`. Returns once every connection is closed.
    public func shutdown() {
        let connections: [HTTPConnection]? = state.withLock { state in
            if state.phase == .idle { state.phase = .stopped }
            guard state.phase == .running else { return nil }
            state.phase = .stopping
            state.acceptSource?.cancel()
            state.acceptSource = nil
            return Array(state.connections.values)
        }
        guard let connections else { return waitUntilStopped() }
        connections.forEach { $0.requestShutdown() }
        let graceEnd = Date(timeIntervalSinceNow: configuration.shutdownGracePeriod)
        if !state.wait(until: graceEnd, for: { $0.connections.isEmpty }) {
            state.withLock { Array($0.connections.values) }.forEach { $0.forceClose() }
            state.wait(until: Date(timeIntervalSinceNow: 5)) { $0.connections.isEmpty }
        }
        state.withLock { $0.phase = .stopped }
    }

    /// Blocks until ``shutdown()`` has completed.
    public func waitUntilStopped() {
        state.wait { $0.phase == .stopped }
    }

    /// The number of open connections.
    public var connectionCount: Int {
        state.withLock { $0.connections.count }
    }

    /// The open connections that are silent or idle, the first to be shed at the cap.
    var sheddableConnectionCount: Int {
        state.withLock { $0.admission.sheddableCount }
    }

    /// The most connections served at once (others are shed or refused).
    public var connectionCapacity: Int {
        state.withLock { $0.admission.capacity }
    }

    /// Accepts until `EAGAIN`; pauses briefly when out of file descriptors instead of spinning.
    private func acceptPending(on listener: Int32) {
        while true {
            switch Socket.accept(listener) {
            case .success(let (fd, peer)):
                register(fd: fd, peer: peer)
            case .failure(let error) where error.code == EINTR || error.code == ECONNABORTED:
                continue
            case .failure(let error) where error.code == EMFILE || error.code == ENFILE || error.code == ENOBUFS || error.code == ENOMEM:
                // Out of descriptors: the listener stays readable, so back off instead of spinning.
                // Only this serial accept queue sleeps.
                usleep(100_000)
                return
            case .failure:
                return
            }
        }
    }

    private func register(fd: Int32, peer: String) {
        let acceptedAt = HTTPConnection.uptime()
        let admitted = state.withLock { (state: inout State) -> Admitted? in
            guard state.phase == .running else { return nil }
            let decision = state.admission.admit(at: acceptedAt)
            let id: Int, victim: Int?
            switch decision {
            case .admit(let admittedID, let shedding): (id, victim) = (admittedID, shedding)
            case .refuse(let refusedID): (id, victim) = (refusedID, nil)
            case .drop: return nil
            }
            let connection = HTTPConnection(
                fd: fd, remoteAddress: peer, configuration: configuration, responder: responder, accessLog: accessLog,
                onActivity: { [self] activity in self.state.withLock { $0.admission.update(id, activity) } },
                onFinish: { [self] in self.connectionClosed(id) }
            )
            state.connections[id] = connection
            return Admitted(
                connection: connection, rejecting: decision == .refuse(id: id), victim: victim.flatMap { state.connections[$0] },
                pressure: Self.pressureChange(&state), underPressure: state.admission.isUnderPressure
            )
        }
        guard let admitted else {
            // Even the refusal slots are taken: the 503 is sent if the socket takes it at once, without draining.
            let refusal = HTTPConnection.refusal(date: HTTPDate.now())
            _ = refusal.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
            Glibc.shutdown(fd, Int32(SHUT_WR))
            close(fd)
            return
        }
        admitted.victim?.shed()
        admitted.pressure?.apply()
        admitted.connection.start(rejecting: admitted.rejecting, underPressure: admitted.underPressure)
    }

    private func connectionClosed(_ id: Int) {
        let pressure = state.withLock { state in
            state.connections.removeValue(forKey: id)
            state.admission.remove(id)
            return Self.pressureChange(&state)
        }
        pressure?.apply()
    }

    /// The connections to tell when pressure starts or ends.
    private static func pressureChange(_ state: inout State) -> PressureChange? {
        state.admission.pressureChange().map { PressureChange(underPressure: $0, connections: Array(state.connections.values)) }
    }

    /// A new connection, what to do with it and what it changes.
    private struct Admitted {
        let connection: HTTPConnection
        let rejecting: Bool
        let victim: HTTPConnection?
        let pressure: PressureChange?
        let underPressure: Bool
    }

    /// Pressure started or ended: every connection is told.
    private struct PressureChange {
        let underPressure: Bool
        let connections: [HTTPConnection]

        func apply() {
            connections.forEach { $0.setPressure(underPressure) }
        }
    }
}
