import Foundation

/// A value shared between a test and the server's queues (or any other thread).
public final class Box<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Wraps `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Changes the value under the lock.
    public func update(_ body: (inout Value) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body(&value)
    }

    /// The value now.
    public var current: Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
