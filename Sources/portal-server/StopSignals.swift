import Dispatch
import Foundation

/// Turns SIGTERM and SIGINT into a call to `onStop`, once, off the signal handler.
///
/// A process inherits its parent's blocked signals: started from a thread that blocks them
/// (a Dispatch worker, some supervisors), the server would never hear SIGTERM. The calling
/// thread, the main one, unblocks both so that the kernel always has a thread to deliver them to,
/// and one that arrived while blocked, which ignoring would discard, still stops the server.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(onStop: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "portal.signals")
        let numbers = [SIGTERM, SIGINT]
        var pending = sigset_t()
        sigpending(&pending)
        let arrived = numbers.first { sigismember(&pending, $0) == 1 }
        sources = numbers.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { onStop(number) }
            source.resume()
            return source
        }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        numbers.forEach { sigaddset(&unblocked, $0) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        if let arrived { queue.async { onStop(arrived) } }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
