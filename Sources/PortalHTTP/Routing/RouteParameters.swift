/// The values captured by a route's `{name}` segments, and `*` for the rest of a prefix route.
public struct RouteParameters: Sendable {
    private var values: [(name: String, value: String)]

    /// Creates parameters from captured pairs.
    public init(_ values: [(name: String, value: String)] = []) {
        self.values = values
    }

    /// The value captured as `name`, or nil.
    public subscript(name: String) -> String? {
        values.last { $0.name == name }?.value
    }

    mutating func append(_ name: String, _ value: String) {
        values.append((name, value))
    }

    mutating func removeLast() {
        values.removeLast()
    }
}
