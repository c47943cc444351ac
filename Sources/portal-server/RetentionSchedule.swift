import Dispatch
import Foundation
import Logging
import PortalCore

/// Enforces retention times while the server runs: purges expired records at start-up,
/// then every hour, off the request path.
final class RetentionSchedule {
    private let timer: any DispatchSourceTimer

    init(accounts: Accounts, logger: Logger, interval: TimeInterval = 3600) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "portal.retention", qos: .utility))
        timer.schedule(deadline: .now(), repeating: interval)
        timer.setEventHandler {
            do {
                let report = try accounts.purgeExpiredRecords(now: Date())
                if report.sessions + report.loginFailures > 0 {
                    logger.info("retention: removed \(report.sessions) expired sessions, \(report.loginFailures) old log-in failures")
                }
            } catch {
                logger.error("retention: purge failed: \(error)")
            }
        }
        timer.resume()
    }

    deinit {
        timer.cancel()
    }
}
