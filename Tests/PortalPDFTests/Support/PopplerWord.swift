/// A word in the output of `pdftotext -bbox`: its text and where its box starts and ends on x.
struct PopplerWord {
    let text: String
    let xMin: Double
    let xMax: Double

    /// The words of `pdftotext -bbox` output, lines such as
    /// `<word xMin="56.000000" yMin="…" xMax="89.900000" yMax="…">Facture</word>`.
    static func parse(_ output: String) -> [PopplerWord] {
        output.split(separator: "\n").compactMap { line in
            guard line.contains("<word "), let xMin = attribute("xMin", in: line), let xMax = attribute("xMax", in: line),
                  let start = line.firstRange(of: "\">"), let end = line.firstRange(of: "</word>") else { return nil }
            return PopplerWord(text: unescape(line[start.upperBound..<end.lowerBound]), xMin: xMin, xMax: xMax)
        }
    }

    private static func attribute(_ name: String, in line: Substring) -> Double? {
        guard let start = line.firstRange(of: "\(name)=\"") else { return nil }
        return Double(line[start.upperBound...].prefix { $0 != "\"" })
    }

    private static func unescape(_ text: Substring) -> String {
        String(text).replacing("&quot;", with: "\"").replacing("&apos;", with: "'").replacing("&lt;", with: "<")
            .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }
}
