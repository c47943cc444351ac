/// Amounts of money are integer cents everywhere; this is how they are written and read in French.
public enum Euros {
    /// "1 234,56 €", with narrow no-break spaces between thousands and before the sign.
    public static func format(_ cents: Int) -> String {
        formatNumber(cents) + "\u{202F}€"
    }

    /// "1 234,56", without the currency sign (for tables and CSV files).
    public static func formatNumber(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let units = String(magnitude / 100)
        var grouped = ""
        for (index, digit) in units.enumerated() {
            if index > 0, (units.count - index) % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(digit)
        }
        let remainder = magnitude % 100
        return sign + grouped + "," + (remainder < 10 ? "0" : "") + String(remainder)
    }

    /// The cents of an amount typed by a person: "12", "12,5", "12,50", "1 234.56", "12 €".
    /// Nil for anything else: negative amounts, more than two decimals, letters, or more than
    /// a million euros.
    public static func parse(_ text: String) -> Int? {
        let compact = text.filter { !" \u{00A0}\u{202F}€".contains($0) }.replacingOccurrences(of: ",", with: ".")
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 7,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), let units = Int(whole) else { return nil }
        var cents = units * 100
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(decimals) else { return nil }
            cents += decimals.count == 1 ? value * 10 : value
        }
        return cents <= 100_000_000 ? cents : nil
    }
}
