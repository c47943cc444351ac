/// A PDF document: its metadata and its pages, in order. ``bytes()`` writes it out.
///
/// ```swift
/// var page = PDFPage()
/// page.drawText("Facture F-EAU-26-000042", x: 56, y: 780, font: .helveticaBold, size: 18)
/// page.drawText("1 234,56 €", x: 539, y: 700, alignment: .right)
/// let pdf = PDFDocument(metadata: PDFMetadata(title: "Facture F-EAU-26-000042"), pages: [page]).bytes()
/// ```
public struct PDFDocument: Sendable {
    /// Title, author, dates and language.
    public var metadata: PDFMetadata
    /// The pages, first to last.
    public var pages: [PDFPage]

    /// A document with `metadata` and `pages`.
    public init(metadata: PDFMetadata = PDFMetadata(), pages: [PDFPage] = []) {
        self.metadata = metadata
        self.pages = pages
    }
}
