/// One page and what is drawn on it, in the order drawn (later drawings cover earlier ones).
///
/// Coordinates are PDF points (1/72 inch) from the page's bottom-left corner, y going up. Text is
/// placed by the left end of its baseline (or the right end, or the middle: ``PDFTextAlignment``).
/// The drawing methods are in `PDFPage+Drawing.swift` and `PDFPage+Paragraph.swift`.
public struct PDFPage: Sendable {
    /// The page's size, its media box.
    public let size: PDFSize

    /// What is drawn, in order.
    var operations: [PDFOperation] = []

    /// A blank page, A4 portrait unless another size is given.
    public init(size: PDFSize = .a4) {
        self.size = size
    }

    /// The fonts the page's text uses, in ``PDFFont/allCases`` order.
    var fonts: [PDFFont] {
        let used = Set(operations.compactMap { operation -> PDFFont? in
            if case let .text(_, _, _, font, _, _) = operation { return font }
            return nil
        })
        return PDFFont.allCases.filter(used.contains)
    }
}
