/// A standard Type 1 font: every PDF reader has these, so nothing is embedded.
///
/// Text is written in WinAnsiEncoding, which covers French (see ``PDFPage/drawText(_:x:y:font:size:color:alignment:)``).
/// Symbol and ZapfDingbats, the other two standard fonts, have encodings of their own and are left out;
/// so is the Times family, whose widths are not in the measurement tables.
public enum PDFFont: String, Sendable, Hashable, CaseIterable {
    /// Helvetica, the default.
    case helvetica = "Helvetica"
    /// Helvetica-Bold.
    case helveticaBold = "Helvetica-Bold"
    /// Helvetica-Oblique, with Helvetica's widths.
    case helveticaOblique = "Helvetica-Oblique"
    /// Helvetica-BoldOblique, with Helvetica-Bold's widths.
    case helveticaBoldOblique = "Helvetica-BoldOblique"
    /// Courier: every glyph is 0.6 of the size wide.
    case courier = "Courier"
    /// Courier-Bold.
    case courierBold = "Courier-Bold"
    /// Courier-Oblique.
    case courierOblique = "Courier-Oblique"
    /// Courier-BoldOblique.
    case courierBoldOblique = "Courier-BoldOblique"

    /// The font's PostScript name, its `/BaseFont`; content streams also call it by this name.
    public var postScriptName: String { rawValue }
}
