extension PDFDocument {
    /// The document as the bytes of a PDF 1.7 file.
    ///
    /// Objects: 1 the catalog (with `/Lang`), 2 the page tree, 3 the document information, then one
    /// font dictionary per font used (standard Type 1 font, `/Encoding /WinAnsiEncoding`), then each
    /// page followed by its Flate-compressed content stream. A document without pages gets one blank
    /// page of the default size, since readers refuse a file with none.
    public func bytes() -> [UInt8] {
        let pages = self.pages.isEmpty ? [PDFPage()] : self.pages
        let pageFonts = pages.map(\.fonts)
        let fonts = PDFFont.allCases.filter { font in pageFonts.contains { $0.contains(font) } }
        let fontNumbers = Dictionary(uniqueKeysWithValues: zip(fonts, 4...))
        let pageNumbers = pages.indices.map { 4 + fonts.count + 2 * $0 }

        var writer = PDFWriter()
        writer.addObject(1, Array("<< /Type /Catalog /Pages 2 0 R /Lang ".utf8)
            + PDFString.literal(Array(metadata.language.utf8))
            + Array(" /ViewerPreferences << /DisplayDocTitle true >> >>".utf8))
        let kids = pageNumbers.map { "\($0) 0 R" }.joined(separator: " ")
        writer.addObject(2, "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        writer.addObject(3, informationDictionary)
        for (font, number) in zip(fonts, 4...) {
            writer.addObject(number, "<< /Type /Font /Subtype /Type1 /BaseFont /\(font.postScriptName) /Encoding /WinAnsiEncoding >>")
        }
        for (index, page) in pages.enumerated() {
            let number = pageNumbers[index]
            let fontEntries = pageFonts[index].compactMap { font in
                fontNumbers[font].map { "/\(font.postScriptName) \($0) 0 R" }
            }
            writer.addObject(number, """
                << /Type /Page /Parent 2 0 R /MediaBox [0 0 \(page.size.width.pdfNumber) \(page.size.height.pdfNumber)] \
                /Resources << /Font << \(fontEntries.joined(separator: " ")) >> >> /Contents \(number + 1) 0 R >>
                """)
            writer.addCompressedStream(number + 1, page.operations.flatMap(\.contentBytes))
        }
        return writer.finish(root: 1, info: 3)
    }

    /// The document information dictionary: title, author, subject, producer, creation date.
    private var informationDictionary: [UInt8] {
        let entries: [(String, String?)] = [
            ("Title", metadata.title), ("Author", metadata.author), ("Subject", metadata.subject),
            ("Producer", metadata.producer), ("CreationDate", metadata.creationDate?.pdfDate),
        ]
        var dictionary = Array("<<".utf8)
        for case let (key, value?) in entries {
            dictionary += Array(" /\(key) ".utf8) + PDFString.text(value)
        }
        return dictionary + Array(" >>".utf8)
    }
}
