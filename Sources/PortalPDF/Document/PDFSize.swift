/// A page size in PDF points (1/72 inch).
public struct PDFSize: Sendable, Hashable {
    /// The width in points.
    public var width: Double
    /// The height in points.
    public var height: Double

    /// A size of `width` × `height` points.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A4 portrait: 210 × 297 mm, that is 595.28 × 841.89 points.
    public static let a4 = PDFSize(width: 595.28, height: 841.89)
}
