import Foundation

/// What a PDF reader shows in the document's properties and window title, and the language
/// screen readers and text extraction use.
public struct PDFMetadata: Sendable {
    /// The title, shown by readers in place of the file name.
    public var title: String?
    /// The person or body that wrote the document.
    public var author: String?
    /// What the document is about.
    public var subject: String?
    /// The software that wrote the PDF file.
    public var producer: String
    /// When the document was made; written in UTC. No date is written when nil.
    public var creationDate: Date?
    /// The natural language of the text, as a BCP 47 tag (`fr-FR`).
    public var language: String

    /// Metadata for a document in French made by PortalPDF, with whatever else is given.
    public init(title: String? = nil, author: String? = nil, subject: String? = nil,
                producer: String = "PortalPDF", creationDate: Date? = nil, language: String = "fr-FR") {
        self.title = title
        self.author = author
        self.subject = subject
        self.producer = producer
        self.creationDate = creationDate
        self.language = language
    }
}
