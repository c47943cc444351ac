import Foundation

/// What a connection is doing, as far as admission cares: whether closing it would cost anyone anything.
enum ConnectionActivity: Equatable, Sendable {
    /// Accepted at `since` (monotonic seconds) and no byte received yet: closing it loses nothing.
    case silent(since: TimeInterval)
    /// A keep-alive connection waiting for its next request since `since`: closing it loses nothing either,
    /// the client opens another.
    case idle(since: TimeInterval)
    /// Receiving, answering or closing a request: never shed.
    case busy

    /// The order in which connections are shed: silent before idle, the oldest first; nil when busy.
    var shedOrder: (rank: Int, since: TimeInterval)? {
        switch self {
        case .silent(let since): (0, since)
        case .idle(let since): (1, since)
        case .busy: nil
        }
    }
}
