extension Double {
    /// This number as a PDF real: rounded to three decimals, without exponent or trailing zeros
    /// (`12`, `0.5`, `-3.125`). Values that are not finite are written as `0`, and magnitudes are
    /// kept below a billion, so any input gives valid syntax.
    var pdfNumber: String {
        guard isFinite else { return "0" }
        let thousandths = Int((Swift.min(Swift.max(self, -1e9), 1e9) * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let whole = String(thousandths.magnitude / 1000)
        let fraction = thousandths.magnitude % 1000
        guard fraction != 0 else { return sign + whole }
        var decimals = String(fraction)
        decimals = String(repeating: "0", count: 3 - decimals.count) + decimals
        while decimals.hasSuffix("0") {
            decimals.removeLast()
        }
        return sign + whole + "." + decimals
    }
}
