/// Lists written as French sentences say them.
public enum FrenchList {
    /// "a", "a et b", "a, b et c".
    public static func joined(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.joined() }
        return items.dropLast().joined(separator: ", ") + " et " + last
    }
}
