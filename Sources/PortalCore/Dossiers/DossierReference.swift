/// Short dossier references a resident can read over the phone: `CC-7K3-M9Q`.
///
/// Letters and digits that are easily confused aloud or in writing (0/O, 1/I/L, U/V, 5/S, 2/Z, 8/B)
/// are left out. Six random symbols from 23 give about 148 million references; the database's
/// unique index catches the rare collision and a new one is drawn.
public enum DossierReference {
    static let alphabet = Array("34679ACDEFGHJKMNPQRTWXY")

    /// A new random reference.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let symbols = (0..<6).map { _ in alphabet.randomElement(using: &generator)! }
        return "CC-" + String(symbols[0..<3]) + "-" + String(symbols[3..<6])
    }

    /// The reference as typed by someone ("cc 7k3m9q"), in its canonical form, or nil.
    public static func normalise(_ text: String) -> String? {
        let symbols = text.uppercased().filter { !" -".contains($0) }
        guard symbols.hasPrefix("CC") else { return nil }
        let body = Array(symbols.dropFirst(2))
        guard body.count == 6, body.allSatisfy(alphabet.contains) else { return nil }
        return "CC-" + String(body[0..<3]) + "-" + String(body[3..<6])
    }
}
