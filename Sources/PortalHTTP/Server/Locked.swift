import Foundation

/// A value guarded by a condition lock, for the little state the server shares across queues.
final class Locked<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value

    /// Wraps `value`.
    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access, then wakes waiters.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&value)
    }

    /// Waits until `predicate` holds or `deadline` (if any) passes; returns whether it holds.
    @discardableResult
    func wait(until deadline: Date? = nil, for predicate: (Value) -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !predicate(value) {
            // Not `wait(until: .distantFuture)`: Foundation on Linux traps converting it to a timespec.
            guard let deadline else {
                condition.wait()
                continue
            }
            if !condition.wait(until: deadline) { return predicate(value) }
        }
        return true
    }
}
