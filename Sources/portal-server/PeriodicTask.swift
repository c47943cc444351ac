import Dispatch
import Foundation
import Logging

/// Work the server repeats in the background, off the request path: at start, then every
/// `interval` (purging expired records, delivering the outbox). Stops when released.
final class PeriodicTask {
    private let timer: any DispatchSourceTimer

    /// - Parameter work: returns a line worth logging, if any; a thrown error is logged and the
    ///   task runs again at the next tick.
    init(label: String, interval: TimeInterval, logger: Logger, work: @escaping @Sendable () throws -> String?) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "portal.\(label)", qos: .utility))
        timer.schedule(deadline: .now(), repeating: interval)
        timer.setEventHandler {
            do {
                if let line = try work() { logger.info("\(label): \(line)") }
            } catch {
                logger.error("\(label): \(error)")
            }
        }
        timer.resume()
    }

    deinit {
        timer.cancel()
    }
}
