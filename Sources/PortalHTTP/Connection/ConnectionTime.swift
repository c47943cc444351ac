import Foundation

/// A moment as seen by the connection state machine: a monotonic clock for deadlines and
/// the wall-clock `Date` header value. Injected so the state machine is tested with a fake clock.
struct ConnectionTime: Sendable {
    /// Seconds on a monotonic clock.
    var uptime: TimeInterval
    /// The IMF-fixdate to send in `Date` headers.
    var httpDate: String
}
