extension PDFPage {
    /// Draws one line of text with its baseline at `y`.
    ///
    /// The text is written in WinAnsiEncoding: French text, `€`, `« »`, typographic quotes and dashes
    /// show as they are; a character the standard fonts cannot show is drawn as `?` (see
    /// ``PDFFont/width(of:size:)``), and so is a line break: use
    /// ``drawParagraph(_:x:y:width:font:size:leading:color:alignment:)`` for several lines.
    ///
    /// - Parameters:
    ///   - x: where the text starts, or ends with `.right`, or its middle with `.center`.
    ///   - size: the font size in points.
    public mutating func drawText(_ text: String, x: Double, y: Double, font: PDFFont = .helvetica,
                                  size: Double = 10, color: PDFColor = .black,
                                  alignment: PDFTextAlignment = .left) {
        let codes = WinAnsiEncoding.encode(text)
        let width = Double(font.units(of: codes)) * size / 1000
        let start = switch alignment {
        case .left: x
        case .center: x - width / 2
        case .right: x - width
        }
        operations.append(.text(codes: codes, x: start, y: y, font: font, size: size, color: color))
    }

    /// Draws a straight line from (`fromX`, `fromY`) to (`toX`, `toY`), `width` points thick.
    public mutating func drawLine(fromX: Double, fromY: Double, toX: Double, toY: Double,
                                  width: Double = 0.5, color: PDFColor = .black) {
        operations.append(.line(fromX: fromX, fromY: fromY, toX: toX, toY: toY, width: width, color: color))
    }

    /// Fills a rectangle whose bottom-left corner is (`x`, `y`).
    public mutating func fillRectangle(x: Double, y: Double, width: Double, height: Double, color: PDFColor) {
        operations.append(.fillRectangle(x: x, y: y, width: width, height: height, color: color))
    }

    /// Draws the outline of a rectangle whose bottom-left corner is (`x`, `y`), the line `lineWidth`
    /// points thick and centred on the rectangle's edges.
    public mutating func strokeRectangle(x: Double, y: Double, width: Double, height: Double,
                                         lineWidth: Double = 0.5, color: PDFColor = .black) {
        operations.append(.strokeRectangle(x: x, y: y, width: width, height: height,
                                           lineWidth: lineWidth, color: color))
    }
}
