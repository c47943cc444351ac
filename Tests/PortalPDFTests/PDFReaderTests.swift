import Foundation
import Testing
import PortalTestSupport
@testable import PortalPDF

/// PDF files opened by real PDF tools: poppler's `pdftotext` and `pdfinfo` (Debian's
/// `poppler-utils`) and `qpdf` (Debian's `qpdf`), which CI installs.
@Suite("Reading the PDF back with poppler and qpdf")
struct PDFReaderTests {
    /// `document` written to a fresh temporary file; `body` gets its path, then the file is removed.
    func withFile<T>(_ document: PDFDocument, _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("document.pdf")
        try Data(document.bytes()).write(to: file)
        return try body(file.path)
    }

    /// The tool called `name`, or a recorded failure saying which package to install.
    func tool(_ name: String, package: String) -> ExternalTool? {
        guard let tool = ExternalTool(name) else {
            Issue.record("\(name) is not installed: apt-get install -y \(package) (.ci/run installs it)")
            return nil
        }
        return tool
    }

    /// `text` as poppler extracts it: WinAnsiEncoding's 0xA0 is the space glyph, read as a space.
    func extracted(_ text: String) -> String {
        text.replacing("\u{00A0}", with: " ").replacing("\u{202F}", with: " ")
    }

    @Test("pdftotext gives back the invoice and receipt text exactly, accents, euro and guillemets included")
    func textComesBack() throws {
        guard let pdftotext = tool("pdftotext", package: "poppler-utils") else { return }
        let output = try withFile(SampleInvoice.document) { try pdftotext.run(["-layout", "-enc", "UTF-8", $0, "-"]) }
        #expect(output.status == 0, "\(output.standardError)")
        let pages = output.standardOutput.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        try #require(pages.count == 3, "two pages, each ended by a form feed")
        let invoice = Set(pages[0].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let receipt = Set(pages[1].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })

        var expected = [SampleInvoice.issuer, SampleInvoice.title, SampleInvoice.dates, SampleInvoice.total,
                        SampleInvoice.accents]
        expected += SampleInvoice.address
        expected += PDFFont.helvetica.wrap(SampleInvoice.note, size: SampleInvoice.noteSize, width: SampleInvoice.noteWidth)
        for line in expected.map(extracted) {
            #expect(invoice.contains(line), "\(line)")
        }
        #expect(invoice.contains("Total à payer : 1 234,56 €"))
        for (label, amount) in SampleInvoice.rows {
            #expect(invoice.contains { $0.hasPrefix(label + " ") && $0.hasSuffix(" " + amount) }, "\(label) … \(amount)")
        }
        for line in ([SampleInvoice.receiptTitle] + SampleInvoice.receipt).map(extracted) {
            #expect(receipt.contains(line), "\(line)")
        }
    }

    @Test("amounts drawn right-aligned end exactly at the column's edge")
    func amountsLineUp() throws {
        guard let pdftotext = tool("pdftotext", package: "poppler-utils") else { return }
        let output = try withFile(SampleInvoice.document) { try pdftotext.run(["-bbox", "-f", "1", "-l", "1", $0, "-"]) }
        #expect(output.status == 0, "\(output.standardError)")
        // Each amount ends with a "€" word: three rows, the consumption's unit price and the total.
        let rightEdges = PopplerWord.parse(output.standardOutput).filter { $0.text == "€" }.map(\.xMax)
        #expect(rightEdges.count == 5)
        #expect(rightEdges.filter { abs($0 - SampleInvoice.right) < 0.01 }.count == 3,
                "the three row amounts end at \(SampleInvoice.right): \(rightEdges)")
        #expect(rightEdges.contains { abs($0 - (SampleInvoice.right - 10)) < 0.01 }, "the total ends 10 pt inside its box")
    }

    @Test("every glyph is as wide for poppler as PDFFont measures it", arguments: [PDFFont.helvetica, .helveticaBold])
    func glyphWidths(font: PDFFont) throws {
        guard let pdftotext = tool("pdftotext", package: "poppler-utils") else { return }
        // Every drawable character but the (no-break) spaces and the soft hyphen, which extract as
        // nothing, on a grid with wide gaps so that each is a word of its own.
        let characters = (UInt32(0x21)...0x2122).compactMap(Unicode.Scalar.init).filter { scalar in
            WinAnsiEncoding.code(for: scalar).map { ![0xA0, 0xAD].contains($0) } ?? false
        }.map(Character.init)
        var page = PDFPage()
        for (index, character) in characters.enumerated() {
            page.drawText(String(character), x: 40 + 50 * Double(index % 10), y: 800 - 34 * Double(index / 10),
                          font: font, size: 20)
        }
        let output = try withFile(PDFDocument(pages: [page])) { try pdftotext.run(["-bbox", $0, "-"]) }
        #expect(output.status == 0, "\(output.standardError)")
        let words = Dictionary(PopplerWord.parse(output.standardOutput).map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(characters.count == 215)
        for character in characters {
            let word = try #require(words[String(character)], "\(character) is extracted")
            #expect(abs((word.xMax - word.xMin) - font.width(of: String(character), size: 20)) < 0.001, "\(character)")
        }
    }

    @Test("pdfinfo reads the title, page count, A4 size and creation date")
    func information() throws {
        guard let pdfinfo = tool("pdfinfo", package: "poppler-utils") else { return }
        let output = try withFile(SampleInvoice.document) { try pdfinfo.run(["-isodates", $0]) }
        #expect(output.status == 0, "\(output.standardError)")
        let fields = output.standardOutput.split(separator: "\n").map { line in
            line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let info = Dictionary(fields.filter { $0.count == 2 }.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        #expect(info["Title"] == SampleInvoice.title)
        #expect(info["Author"] == "CCTOVAL — service de l’eau")
        #expect(info["Producer"] == "PortalPDF")
        #expect(info["CreationDate"] == "2026-03-12T14:30:00Z")
        #expect(info["Pages"] == "2")
        #expect(info["Page size"] == "595.28 x 841.89 pts (A4)")
    }

    @Test("qpdf finds no syntax or stream error", .enabled(if: ExternalTool("qpdf") != nil, "qpdf is not installed"))
    func qpdfCheck() throws {
        guard let qpdf = tool("qpdf", package: "qpdf") else { return }
        let output = try withFile(SampleInvoice.document) { try qpdf.run(["--check", $0]) }
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardOutput.contains("No syntax or stream encoding errors found"))
        #expect(output.standardError.isEmpty, "no warning: \(output.standardError)")
    }
}
