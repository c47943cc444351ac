/// An ordered list of header fields with case-insensitive lookup.
///
/// Values set through this API never contain CR, LF, NUL or other control characters (they are dropped),
/// and fields whose name is not an RFC 9110 token are ignored, so a response can never be split.
public struct HTTPHeaders: Sendable, Sequence {
    /// The fields in order.
    private var fields: [(name: String, value: String)]

    /// Creates an empty list.
    public init() {
        fields = []
    }

    /// Creates a list from name/value pairs (invalid names are ignored, values sanitized).
    public init(_ pairs: [(String, String)]) {
        fields = []
        fields.reserveCapacity(pairs.count)
        for (name, value) in pairs { add(name, value) }
    }

    /// Creates a list from fields already validated by the parser.
    init(validated fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// The first value of the field `name`; setting replaces every value (nil removes the field).
    public subscript(name: String) -> String? {
        get { fields.first { Self.equalsIgnoringCase($0.name, name) }?.value }
        set {
            guard let newValue else { return remove(name) }
            guard HTTPSyntax.isToken(name) else { return }
            let value = Self.sanitized(newValue)
            if let index = fields.firstIndex(where: { Self.equalsIgnoringCase($0.name, name) }) {
                fields[index].value = value
                var next = index + 1
                while next < fields.count {
                    if Self.equalsIgnoringCase(fields[next].name, name) { fields.remove(at: next) } else { next += 1 }
                }
            } else {
                fields.append((name, value))
            }
        }
    }

    /// Every value of the field `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { Self.equalsIgnoringCase($0.name, name) }.map(\.value)
    }

    /// Appends a field (ignored when `name` is not a token; control characters are dropped from `value`).
    public mutating func add(_ name: String, _ value: String) {
        guard HTTPSyntax.isToken(name) else { return }
        fields.append((name, Self.sanitized(value)))
    }

    /// Removes every field named `name`.
    public mutating func remove(_ name: String) {
        fields.removeAll { Self.equalsIgnoringCase($0.name, name) }
    }

    /// Whether at least one field is named `name`.
    public func contains(_ name: String) -> Bool {
        fields.contains { Self.equalsIgnoringCase($0.name, name) }
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Iterates over the fields in order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    /// ASCII case-insensitive comparison of two field names, without allocating.
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                for i in 0..<x.count where x[i] != y[i] {
                    guard HTTPSyntax.isLetter(x[i]), x[i] | 0x20 == y[i] | 0x20 else { return false }
                }
                return true
            }
        }
    }

    /// `value` without control characters other than horizontal tab.
    static func sanitized(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) { return value }
        return String(decoding: value.utf8.filter { $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }, as: UTF8.self)
    }
}
