/// One drawing recorded on a page. Coordinates and sizes are in points (see ``PDFPage``).
enum PDFOperation: Sendable {
    /// A line of text, already in WinAnsiEncoding, its baseline starting at (x, y).
    case text(codes: [UInt8], x: Double, y: Double, font: PDFFont, size: Double, color: PDFColor)
    /// A straight line from (fromX, fromY) to (toX, toY).
    case line(fromX: Double, fromY: Double, toX: Double, toY: Double, width: Double, color: PDFColor)
    /// A filled rectangle, (x, y) being its bottom-left corner.
    case fillRectangle(x: Double, y: Double, width: Double, height: Double, color: PDFColor)
    /// The outline of a rectangle, (x, y) being its bottom-left corner.
    case strokeRectangle(x: Double, y: Double, width: Double, height: Double, lineWidth: Double, color: PDFColor)
}
