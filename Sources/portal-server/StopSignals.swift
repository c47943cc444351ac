import Dispatch
import Foundation

/// Turns SIGTERM and SIGINT into a call to `onStop`, once, off the signal handler.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(onStop: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "portal.signals")
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { onStop(number) }
            source.resume()
            return source
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
