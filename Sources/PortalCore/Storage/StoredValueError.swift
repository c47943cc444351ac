/// A stored value the code does not know: a status, role or kind written by a newer version, or by hand.
/// Reading it fails loudly rather than showing a default ("à payer", "habitant") that would be a lie.
public struct StoredValueError: Error, Sendable, CustomStringConvertible {
    /// The column read, `table.column`.
    public let column: String
    /// The value found there.
    public let value: String

    public var description: String { "unknown value \"\(value)\" in \(column)" }
}

extension RawRepresentable where RawValue == String {
    /// The case stored as `value` in `column`.
    ///
    /// - Throws: ``StoredValueError`` when no case has that raw value.
    init(stored value: String, column: String) throws(StoredValueError) {
        guard let known = Self(rawValue: value) else { throw StoredValueError(column: column, value: value) }
        self = known
    }
}
