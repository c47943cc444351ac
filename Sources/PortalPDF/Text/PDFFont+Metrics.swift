extension PDFFont {
    /// The width in points of `text` set in this font at `size` points, as a reader lays it out.
    ///
    /// It adds up the AFM advance widths of the text's WinAnsiEncoding glyphs; a character outside
    /// WinAnsiEncoding counts as the `?` drawn in its place. No kerning is applied, here or when drawing,
    /// so the result is exact: a text drawn at `right - width(of:size:)` ends at `right`.
    public func width(of text: String, size: Double) -> Double {
        Double(units(of: WinAnsiEncoding.encode(text))) * size / 1000
    }

    /// The advance width of `codes`, in thousandths of the font size.
    func units(of codes: [UInt8]) -> Int {
        codes.reduce(0) { $0 + units(of: $1) }
    }

    /// The advance width of one WinAnsiEncoding code, in thousandths of the font size.
    func units(of code: UInt8) -> Int {
        switch self {
        case .helvetica, .helveticaOblique: Int(Self.helveticaWidths[Int(code)])
        case .helveticaBold, .helveticaBoldOblique: Int(Self.helveticaBoldWidths[Int(code)])
        case .courier, .courierBold, .courierOblique, .courierBoldOblique: 600
        }
    }
}
