/// French phone numbers as residents write them: `0247123456`, `02 47 12 34 56`, `02.47.12.34.56`, `+33 2 47 12 34 56`.
enum FrenchPhoneNumber {
    /// The number written `02 47 12 34 56`, or nil when it is not a French number.
    static func normalise(_ text: String) -> String? {
        var digits = text.filter { !" .-\u{A0}\u{202F}()".contains($0) }
        if digits.hasPrefix("+33") {
            digits = "0" + digits.dropFirst(3)
        } else if digits.hasPrefix("0033") {
            digits = "0" + digits.dropFirst(4)
        }
        guard digits.count == 10, digits.hasPrefix("0"), digits.dropFirst().first != "0",
              digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return stride(from: 0, to: 10, by: 2).map { index in
            let start = digits.index(digits.startIndex, offsetBy: index)
            return String(digits[start..<digits.index(start, offsetBy: 2)])
        }.joined(separator: " ")
    }
}
