import Foundation

/// Which connections the server holds, and what to do with a new one: admit it, admit it in the place
/// of a connection that costs nothing to lose, refuse it with a `503`, or drop it.
///
/// Pure, like the state machine: the server reports each connection's ``ConnectionActivity`` and asks
/// ``admit(at:)`` on each accept. At the cap, silent connections (nothing received yet) go first, then
/// idle keep-alive ones, the oldest first; only when every connection is busy is a new one refused.
/// Refusals take their own slots (the `503` is written, then the socket drained before closing, so the
/// client reads it); past those, a connection is answered as best it can be and closed at once.
struct ConnectionAdmission {
    /// What to do with a new connection.
    enum Decision: Equatable {
        /// Serve it, after shedding the connection with this id if any.
        case admit(id: Int, shedding: Int?)
        /// Answer `503` and close.
        case refuse(id: Int)
        /// Answer `503` if the socket takes it at once, and close without draining: even the refusal slots are taken.
        case drop
    }

    /// Descriptors kept for everything but connections: the database, uploaded files, the outbox, the listener.
    static let reservedDescriptors = 256

    /// Connections served at once.
    let capacity: Int
    /// Connections being refused at once.
    let refusalSlots: Int
    private var served: [Int: ConnectionActivity] = [:]
    /// Served connections asked to give up their slot: never chosen again, whatever they report
    /// (a report sent before they were asked may arrive after).
    private var shedding: Set<Int> = []
    private var refused: Set<Int> = []
    private var nextID = 0
    private(set) var isUnderPressure = false

    /// - Parameter capacity: connections served at once; refusal slots are an eighth of it, at least 64.
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        refusalSlots = max(self.capacity / 8, 64)
    }

    /// Sized from the process's open-file limit: each connection is one descriptor, and everything but
    /// connections keeps ``reservedDescriptors``.
    init(openFileLimit: Int) {
        let available = max(openFileLimit - Self.reservedDescriptors, 72)
        self.init(capacity: available * 8 / 9)
    }

    /// Connections served and being refused.
    var count: Int { served.count + refused.count }

    /// Served connections that could be shed now (silent or idle).
    var sheddableCount: Int { served.values.count { $0.shedOrder != nil } }

    /// Decides about a connection accepted at `now` (monotonic seconds, the connections' clock), and records it.
    mutating func admit(at now: TimeInterval) -> Decision {
        let id = nextID
        nextID += 1
        if served.count < capacity {
            served[id] = .silent(since: now)
            return .admit(id: id, shedding: nil)
        }
        if let victim = cheapestToLose() {
            served[victim] = .busy
            shedding.insert(victim)
            served[id] = .silent(since: now)
            return .admit(id: id, shedding: victim)
        }
        guard refused.count < refusalSlots else { return .drop }
        refused.insert(id)
        return .refuse(id: id)
    }

    /// Records what connection `id` is doing now.
    mutating func update(_ id: Int, _ activity: ConnectionActivity) {
        guard served[id] != nil, !shedding.contains(id) else { return }
        served[id] = activity
    }

    /// Forgets connection `id`, closed.
    mutating func remove(_ id: Int) {
        served.removeValue(forKey: id)
        shedding.remove(id)
        refused.remove(id)
    }

    /// Re-evaluates pressure (on from three quarters of the capacity, off again under three fifths);
    /// returns the new value when it changed.
    mutating func pressureChange() -> Bool? {
        let pressed = isUnderPressure ? served.count * 5 >= capacity * 3 : served.count * 4 >= capacity * 3
        guard pressed != isUnderPressure else { return nil }
        isUnderPressure = pressed
        return pressed
    }

    /// The served connection that costs least to lose: silent before idle, the oldest first.
    private func cheapestToLose() -> Int? {
        var best: (id: Int, rank: Int, since: TimeInterval)?
        for (id, activity) in served {
            guard let order = activity.shedOrder else { continue }
            if let current = best, (current.rank, current.since, current.id) <= (order.rank, order.since, id) { continue }
            best = (id, order.rank, order.since)
        }
        return best?.id
    }
}
