import Dispatch
import Foundation
import Glibc

/// One accepted socket driven by an ``HTTPConnectionStateMachine`` on its own serial queue.
///
/// Owns the file descriptor and its Dispatch sources. Every mutable property is only touched on
/// `queue`, which is what makes the `@unchecked Sendable` conformance sound; the one exception,
/// `shutdownPending`, is locked.
///
/// The responder runs on `queue` too: connections already run in parallel on their own queues,
/// and handing each request to another queue and back cost two thread wake-ups per request,
/// which dominated the time of a cached page.
///
/// An idle connection holds no read buffer (one is borrowed for each burst of reads), so thousands of
/// silent or keep-alive connections cost little memory.
final class HTTPConnection: @unchecked Sendable {
    /// How long a closing connection waits for the peer to finish sending after our last response.
    static let lingerTimeout: TimeInterval = 2
    /// Size of the buffer borrowed for each burst of reads.
    static let readBufferSize = 32768
    /// Reads performed per readiness event before yielding the queue.
    static let readsPerEvent = 8

    private let fd: Int32
    private let remoteAddress: String
    private let queue: DispatchQueue
    private let responder: any HTTPResponder
    private let accessLog: (@Sendable (AccessLogEntry) -> Void)?
    private let onActivity: @Sendable (ConnectionActivity) -> Void
    private let onFinish: @Sendable () -> Void
    private var machine: HTTPConnectionStateMachine
    private var reportedActivity: ConnectionActivity?

    private var readSource: DispatchSourceRead?
    private var readSuspended = false
    private var writeSource: DispatchSourceWrite?
    private var writeSuspended = true
    private let timer: DispatchSourceTimer
    private var armedDeadline: TimeInterval?
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var closeAfterWrite = false
    private var lingering = false
    private var finished = false
    private var sourcesToCancel = 0
    private var dispatchedAt: TimeInterval = 0
    private var cachedDate = (second: 0, text: "")
    /// Set by ``requestShutdown()`` at once, so that a response being computed while the shutdown
    /// request waits for `queue` still carries `Connection: close`.
    private let shutdownPending = Locked(false)

    /// Wraps an accepted non-blocking socket; call ``start(rejecting:underPressure:)`` next.
    ///
    /// - Parameters:
    ///   - onActivity: told, on the connection's queue, each time the connection's ``ConnectionActivity`` changes.
    ///   - onFinish: told once the descriptor is closed.
    init(
        fd: Int32, remoteAddress: String, configuration: HTTPServerConfiguration,
        responder: any HTTPResponder, accessLog: (@Sendable (AccessLogEntry) -> Void)?,
        onActivity: @escaping @Sendable (ConnectionActivity) -> Void, onFinish: @escaping @Sendable () -> Void
    ) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.responder = responder
        self.accessLog = accessLog
        self.onActivity = onActivity
        self.onFinish = onFinish
        queue = DispatchQueue(label: "portal.http.connection")
        timer = DispatchSource.makeTimerSource(queue: queue)
        machine = HTTPConnectionStateMachine(
            configuration: configuration, remoteAddress: remoteAddress,
            at: ConnectionTime(uptime: Self.uptime(), httpDate: "")
        )
    }

    /// Starts reading; with `rejecting`, answers `503` with `Retry-After` straight away and closes, draining
    /// what the client sends meanwhile so that it reads the answer rather than a reset.
    func start(rejecting: Bool, underPressure: Bool) {
        queue.async { [self] in
            machine.pressureChanged(underPressure)
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [unowned self] in self.readAvailable() }
            source.setCancelHandler { [self] in self.sourceCancelled() }
            readSource = source
            sourcesToCancel += 1
            timer.setEventHandler { [unowned self] in self.timerFired() }
            timer.setCancelHandler { [self] in self.sourceCancelled() }
            sourcesToCancel += 1
            timer.resume()
            source.resume()
            if rejecting {
                perform([.rejected(.serviceUnavailable), .write(Self.refusal(date: now().httpDate)), .close])
            } else {
                perform([])
            }
        }
    }

    /// The whole answer to a connection refused because the server is full: `503`, `Retry-After`, `Connection: close`.
    static func refusal(date: String) -> [UInt8] {
        var response = HTTPResponse.text("503 Service Unavailable\n", status: .serviceUnavailable)
        response.headers["Retry-After"] = "1"
        return response.serialized(date: date, includeBody: true, connection: "close")
    }

    /// Asks the connection to finish its current response and close (graceful shutdown).
    func requestShutdown() {
        shutdownPending.withLock { $0 = true }
        queue.async { [self] in
            guard !finished, !lingering, !closeAfterWrite else { return }
            perform(machine.shutdownRequested(at: now()))
        }
    }

    /// Closes the connection now, whatever it is doing.
    func forceClose() {
        queue.async { [self] in finish() }
    }

    /// Gives up the connection's slot if it is still silent or idle (see ``HTTPConnectionStateMachine/shed()``).
    func shed() {
        queue.async { [self] in
            guard !finished, !lingering, !closeAfterWrite else { return }
            perform(machine.shed())
        }
    }

    /// The server is near its connection cap, or back from it: shorter first-byte and idle delays apply.
    func setPressure(_ underPressure: Bool) {
        queue.async { [self] in
            guard !finished, !lingering, !closeAfterWrite else { return }
            machine.pressureChanged(underPressure)
            perform([])
        }
    }

    // MARK: Events

    /// Reads until the socket is drained (a reset queued behind data is only seen that way),
    /// yielding the queue after a few buffers so one busy peer cannot starve the others.
    private func readAvailable() {
        let drained = withUnsafeTemporaryAllocation(byteCount: Self.readBufferSize, alignment: 16) { buffer in
            for _ in 0..<Self.readsPerEvent {
                guard !finished, lingering || !readSuspended else { return true }
                let count = read(fd, buffer.baseAddress, buffer.count)
                if count > 0 {
                    if !lingering {
                        perform(machine.bytesReceived(UnsafeRawBufferPointer(rebasing: buffer[..<count]), at: now()))
                    }
                } else if count == 0 {
                    if lingering { finish() } else { perform(machine.peerClosed(at: now())) }
                    return true
                } else if errno == EAGAIN || errno == EWOULDBLOCK {
                    return true
                } else if errno != EINTR {
                    finish()
                    return true
                }
            }
            return false
        }
        if !drained { queue.async { [self] in readAvailable() } }
    }

    private func timerFired() {
        guard !finished else { return }
        armedDeadline = nil
        if lingering { return finish() }
        perform(machine.timerFired(at: now()))
    }

    private func responseReady(_ response: HTTPResponse, to request: HTTPRequest) {
        guard !finished, !lingering else { return }
        let time = now()
        accessLog?(AccessLogEntry(
            method: request.method.rawValue, path: request.path, status: response.status.code,
            duration: time.uptime - dispatchedAt, remoteAddress: request.remoteAddress
        ))
        perform(machine.responseReady(response, at: time))
    }

    // MARK: Actions

    private func perform(_ actions: [HTTPConnectionStateMachine.Action]) {
        for action in actions {
            guard !finished, !lingering else { return }
            switch action {
            case .write(let bytes):
                if pending.isEmpty { pending = bytes } else { pending.append(contentsOf: bytes) }
                flush()
            case .dispatch(let request):
                dispatchedAt = Self.uptime()
                // Queued rather than called, so that pipelined requests do not nest calls.
                queue.async { [self] in
                    let response = responder.respond(to: request)
                    if shutdownPending.withLock({ $0 }) { perform(machine.shutdownRequested(at: now())) }
                    responseReady(response, to: request)
                }
            case .close:
                closeAfterWrite = true
                if pending.isEmpty { beginLingeringClose() }
            case .abort:
                finish()
            case .rejected(let status):
                accessLog?(AccessLogEntry(method: "-", path: "-", status: status.code, duration: 0, remoteAddress: remoteAddress))
            }
        }
        report(finished || lingering ? .busy : machine.activity)
        guard !finished, !lingering else { return }
        setReading(machine.wantsToRead)
        arm(machine.deadline)
    }

    /// Tells the server what the connection now does, when that changed.
    private func report(_ activity: ConnectionActivity) {
        guard activity != reportedActivity else { return }
        reportedActivity = activity
        onActivity(activity)
    }

    /// Writes as much as the socket takes; waits for writability on `EAGAIN`.
    private func flush() {
        while pendingOffset < pending.count {
            let sent = pending.withUnsafeBytes { bytes in
                send(fd, bytes.baseAddress! + pendingOffset, bytes.count - pendingOffset, Int32(MSG_NOSIGNAL))
            }
            if sent >= 0 {
                pendingOffset += sent
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                return setWriting(true)
            } else if errno != EINTR {
                return finish()
            }
        }
        pending.removeAll(keepingCapacity: pending.capacity <= 65536)
        pendingOffset = 0
        setWriting(false)
        if closeAfterWrite {
            beginLingeringClose()
        } else {
            perform(machine.writeCompleted(at: now()))
        }
    }

    /// Half-closes and drains what the peer still sends, so our last response is not lost to a reset.
    private func beginLingeringClose() {
        guard !lingering, !finished else { return }
        lingering = true
        shutdown(fd, Int32(SHUT_WR))
        setReading(true)
        armedDeadline = nil
        arm(Self.uptime() + Self.lingerTimeout)
    }

    /// Cancels every source; the descriptor is closed once all cancellations have run.
    private func finish() {
        guard !finished else { return }
        finished = true
        if let writeSource {
            if writeSuspended { writeSource.resume() }
            writeSource.cancel()
        }
        if let readSource {
            if readSuspended { readSource.resume() }
            readSource.cancel()
        }
        timer.cancel()
    }

    private func sourceCancelled() {
        sourcesToCancel -= 1
        guard sourcesToCancel == 0 else { return }
        close(fd)
        readSource = nil
        writeSource = nil
        onFinish()
    }

    // MARK: Sources

    private func setReading(_ wanted: Bool) {
        guard let readSource, readSuspended == wanted else { return }
        readSuspended = !wanted
        if wanted {
            readSource.resume()
            // Bytes may have arrived while suspended: look now rather than rely on a new readiness edge.
            queue.async { [self] in readAvailable() }
        } else {
            readSource.suspend()
        }
    }

    private func setWriting(_ wanted: Bool) {
        if wanted, writeSource == nil {
            let source = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [unowned self] in if !self.finished { self.flush() } }
            source.setCancelHandler { [self] in self.sourceCancelled() }
            sourcesToCancel += 1
            writeSource = source
        }
        guard let writeSource, writeSuspended == wanted else { return }
        writeSuspended = !wanted
        if wanted { writeSource.resume() } else { writeSource.suspend() }
    }

    /// Arms the timer lazily: only when `deadline` is earlier than the one armed. A timer firing before the
    /// machine's current deadline is harmless (the machine ignores it) and re-arms itself, so a busy
    /// keep-alive connection reprograms its timer about once per timeout rather than several times per request.
    private func arm(_ deadline: TimeInterval?) {
        guard let deadline else { return }
        if let armedDeadline, armedDeadline <= deadline { return }
        armedDeadline = deadline
        timer.schedule(deadline: DispatchTime(uptimeNanoseconds: UInt64(max(deadline, 0) * 1_000_000_000)), leeway: .milliseconds(10))
    }

    // MARK: Clock

    private func now() -> ConnectionTime {
        let second = Int(time(nil))
        if second != cachedDate.second { cachedDate = (second, HTTPDate.format(secondsSince1970: second)) }
        return ConnectionTime(uptime: Self.uptime(), httpDate: cachedDate.text)
    }

    /// Monotonic seconds: the clock of deadlines and of ``ConnectionActivity``.
    static func uptime() -> TimeInterval {
        TimeInterval(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}
