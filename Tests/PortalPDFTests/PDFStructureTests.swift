import Foundation
import Testing
@testable import PortalPDF

@Suite("File structure: a reader finds every object where the file says it is")
struct PDFStructureTests {
    let file = PDFFile(SampleInvoice.document.bytes())

    @Test("the header names the version and marks the file as binary; the file ends with %%EOF")
    func headerAndEnd() {
        #expect(file.bytes.starts(with: Array("%PDF-1.7\n%".utf8)))
        #expect(file.bytes[10..<14].allSatisfy { $0 >= 0x80 })
        #expect(file.bytes[14] == 0x0A)
        #expect(file.bytes.reversed().starts(with: Array("%%EOF\n".utf8).reversed()))
    }

    @Test("startxref gives the exact offset of the cross-reference table")
    func startxref() throws {
        let offset = try #require(file.startxref)
        #expect(Array(file.bytes[offset..<offset + 5]) == Array("xref\n".utf8))
    }

    @Test("each cross-reference entry gives the exact offset of its `N 0 obj`, and the trailer counts them")
    func crossReference() throws {
        let offsets = try #require(file.objectOffsets)
        #expect(offsets.keys.sorted() == Array(1...offsets.count))
        for (number, offset) in offsets {
            let prefix = Array("\(number) 0 obj\n".utf8)
            #expect(Array(file.bytes[offset..<offset + prefix.count]) == prefix, "object \(number)")
        }
        let text = String(decoding: file.bytes, as: UTF8.self)
        #expect(text.contains("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 3 0 R >>"))
        #expect(text.contains("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"))
    }

    @Test("each stream's /Length is the exact number of compressed bytes, in the zlib format")
    func streamLengths() throws {
        let streams = file.objects(containing: "/Filter /FlateDecode")
        #expect(streams.count == 2, "one content stream per page")
        for number in streams {
            let data = try #require(file.streamData(number), "stream \(number) has the length it declares")
            #expect(data.first == 0x78, "zlib header, not gzip")
            #expect(inflate(data) != nil)
        }
    }

    @Test("the catalog says the text is French and points at the page tree of both pages")
    func catalogAndPages() throws {
        let catalog = try #require(file.object(1))
        #expect(catalog.contains("/Type /Catalog /Pages 2 0 R /Lang (fr-FR)"))
        #expect(catalog.contains("/DisplayDocTitle true"))
        let pages = file.objects(containing: "/Type /Page ")
        #expect(pages.count == 2)
        let tree = try #require(file.object(2))
        #expect(tree.contains("/Kids [\(pages.map { "\($0) 0 R" }.joined(separator: " "))] /Count 2"))
        for number in pages {
            let page = try #require(file.object(number))
            #expect(page.contains("/Parent 2 0 R /MediaBox [0 0 595.28 841.89]"))
            #expect(page.contains("/Contents \(number + 1) 0 R"))
        }
    }

    @Test("fonts are the standard ones in WinAnsiEncoding, one dictionary per font used")
    func fonts() throws {
        let fonts = file.objects(containing: "/Type /Font")
        let names = fonts.compactMap { file.object($0) }
        #expect(names.count == 3)
        for name in ["Helvetica", "Helvetica-Bold", "Helvetica-Oblique"] {
            #expect(names.contains { $0.contains("/Subtype /Type1 /BaseFont /\(name) /Encoding /WinAnsiEncoding") }, "\(name)")
        }
        let receipt = try #require(file.objects(containing: "/Type /Page ").last.flatMap(file.object))
        #expect(receipt.contains("/Font << /Helvetica \(fonts[0]) 0 R /Helvetica-Bold \(fonts[1]) 0 R >>"),
                "the receipt page lists only the fonts it uses")
    }

    @Test("the document information holds the title with its accents, the producer and the creation date")
    func information() throws {
        let info = try #require(file.object(3))
        #expect(info.contains("/Title (Facture F-EAU-26-000042)"))
        // "CCTOVAL — service de l’eau" in UTF-16BE with a byte-order mark.
        #expect(info.contains("/Author <FEFF004300430054004F00560041004C00202014002000730065007200760069006300650020006400650020006C2019006500610075>"))
        #expect(info.contains("/Producer (PortalPDF) /CreationDate (D:20260312143000Z)"))
    }

    @Test("the same document gives the same bytes")
    func deterministic() {
        #expect(SampleInvoice.document.bytes() == file.bytes)
    }

    @Test("a document without pages still opens: it gets one blank A4 page")
    func emptyDocument() throws {
        let empty = PDFFile(PDFDocument().bytes())
        let page = try #require(empty.objects(containing: "/Type /Page ").first.flatMap(empty.object))
        #expect(page.contains("/MediaBox [0 0 595.28 841.89] /Resources << /Font <<  >> >>"))
        #expect(empty.objects(containing: "/Type /Font").isEmpty)
    }
}
