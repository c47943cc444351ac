extension PDFPage {
    /// Draws `text` wrapped to lines no wider than `width` (see ``PDFFont/wrap(_:size:width:)``),
    /// the first baseline at `y` and each next one `leading` points lower.
    ///
    /// - Parameters:
    ///   - x: the left edge of the column the lines are aligned in.
    ///   - leading: the distance between baselines; 1.2 × `size` when nil.
    ///   - alignment: how each line sits in the column from `x` to `x + width`.
    /// - Returns: the baseline where a line following the paragraph would go.
    @discardableResult
    public mutating func drawParagraph(_ text: String, x: Double, y: Double, width: Double,
                                       font: PDFFont = .helvetica, size: Double = 10, leading: Double? = nil,
                                       color: PDFColor = .black, alignment: PDFTextAlignment = .left) -> Double {
        let step = leading ?? size * 1.2
        let anchor = switch alignment {
        case .left: x
        case .center: x + width / 2
        case .right: x + width
        }
        var baseline = y
        for line in font.wrap(text, size: size, width: width) {
            drawText(line, x: anchor, y: baseline, font: font, size: size, color: color, alignment: alignment)
            baseline -= step
        }
        return baseline
    }
}
