import Testing
@testable import PortalPDF

@Suite("Content streams: what a page draws, as PDF operators")
struct PDFContentTests {
    /// The decompressed content stream of the only page of a document holding `page`.
    func content(of page: PDFPage) throws -> String {
        let file = PDFFile(PDFDocument(pages: [page]).bytes())
        let number = try #require(file.objects(containing: "/Filter /FlateDecode").first)
        let data = try #require(file.streamData(number).flatMap(inflate))
        return String(data.map { Character(Unicode.Scalar($0)) })
    }

    @Test("text, lines and rectangles become the expected operators, each setting its own colour")
    func operators() throws {
        var page = PDFPage()
        page.drawText("Facture", x: 56, y: 780, font: .helveticaBold, size: 18, color: .rgb(hex: 0x000091))
        page.drawLine(fromX: 56, fromY: 770, toX: 539.28, toY: 770, width: 1, color: .gray(0.5))
        page.fillRectangle(x: 56, y: 700, width: 100, height: 20.5, color: .rgb(red: 1, green: 0.5, blue: 0))
        page.strokeRectangle(x: 56, y: 650, width: 100, height: 20, lineWidth: 0.25, color: .black)
        #expect(try content(of: page) == """
            0 0 0.569 rg BT /Helvetica-Bold 18 Tf 56 780 Td (Facture) Tj ET
            0.5 G 1 w 56 770 m 539.28 770 l S
            1 0.5 0 rg 56 700 100 20.5 re f
            0 G 0.25 w 56 650 100 20 re S

            """)
    }

    @Test("accented text is written as WinAnsiEncoding bytes, not UTF-8")
    func encodedText() throws {
        var page = PDFPage()
        page.drawText("Total à payer : 1\u{202F}234,56\u{00A0}€", x: 10, y: 10)
        #expect(try content(of: page).contains("(Total \u{E0} payer : 1\u{A0}234,56\u{A0}\u{80}) Tj"))
    }

    @Test("parentheses and backslashes in text are escaped, so the string ends where it should")
    func escaping() throws {
        var page = PDFPage()
        page.drawText(#"Tarif (réduit) \ plein) ("#, x: 10, y: 10)
        #expect(try content(of: page).contains(#"(Tarif \(r\#u{E9}duit\) \\ plein\) \() Tj"#))
    }

    @Test("right-aligned and centred text starts at the anchor less its measured width")
    func alignment() throws {
        var page = PDFPage()
        page.drawText("1 234,56 €", x: 539.28, y: 700, alignment: .right)
        page.drawText("Reçu", x: 297.64, y: 600, font: .helveticaBold, size: 20, alignment: .center)
        let width = PDFFont.helvetica.width(of: "1 234,56 €", size: 10)
        #expect(width == 47.26)
        let reçu = PDFFont.helveticaBold.width(of: "Reçu", size: 20)
        #expect(reçu == 48.9)
        let stream = try content(of: page)
        #expect(stream.contains("\((539.28 - width).pdfNumber) 700 Td (1 234,56 \u{80}) Tj"))
        #expect(stream.contains("\((297.64 - reçu / 2).pdfNumber) 600 Td (Re\u{E7}u) Tj"))
    }

    @Test("a paragraph draws one line per wrapped line, each `leading` lower, and says where the next line goes")
    func paragraph() throws {
        var page = PDFPage()
        let text = "Vous pouvez payer en ligne sur le portail citoyen ou auprès de la trésorerie."
        let next = page.drawParagraph(text, x: 56, y: 500, width: 150, size: 10, leading: 14)
        let lines = PDFFont.helvetica.wrap(text, size: 10, width: 150)
        #expect(lines.count == 3)
        #expect(next == 500 - 14 * 3)
        let stream = try content(of: page)
        for (index, line) in lines.enumerated() {
            let bytes = String(WinAnsiEncoding.encode(line).map { Character(Unicode.Scalar($0)) })
            #expect(stream.contains("56 \((500 - 14 * Double(index)).pdfNumber) Td (\(bytes)) Tj"))
        }
    }
}
