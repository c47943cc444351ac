import Testing
@testable import PortalPDF

@Suite("Measuring text with the fonts' AFM widths")
struct PDFFontMetricsTests {
    @Test("words measure as the sum of their Helvetica and Helvetica-Bold glyph widths")
    func helvetica() {
        // F 611 a 556 c 500 t 278 u 556 r 333 e 556
        #expect(PDFFont.helvetica.width(of: "Facture", size: 10) == 33.9)
        // T 611 o 611 t 333 a 556 l 278
        #expect(PDFFont.helveticaBold.width(of: "Total", size: 10) == 23.89)
        #expect(PDFFont.helvetica.width(of: "", size: 12) == 0)
    }

    @Test("accented letters, the euro, quotes and dashes have their own widths")
    func frenchGlyphs() {
        let helvetica = PDFFont.helvetica
        #expect(helvetica.width(of: "é", size: 1000) == helvetica.width(of: "e", size: 1000))
        #expect(helvetica.width(of: "€", size: 1000) == 556)
        #expect(helvetica.width(of: "«", size: 1000) == 556)
        #expect(helvetica.width(of: "’", size: 1000) == 222)
        #expect(helvetica.width(of: "—", size: 1000) == 1000)
        #expect(helvetica.width(of: "–", size: 1000) == 556)
        #expect(helvetica.width(of: "…", size: 1000) == 1000)
        #expect(helvetica.width(of: "Œ", size: 1000) == 1000)
        #expect(helvetica.width(of: "\u{202F}", size: 1000) == 278, "a no-break space is as wide as a space")
        #expect(PDFFont.helveticaBold.width(of: "ç", size: 1000) == 556)
        #expect(PDFFont.helveticaBold.width(of: "“", size: 1000) == 500)
    }

    @Test("oblique faces share their upright widths; Courier is 0.6 of the size for every glyph")
    func otherFaces() {
        let text = "Réf. « CC-7K3-M9Q » — 1 234,56 €"
        #expect(PDFFont.helveticaOblique.width(of: text, size: 11) == PDFFont.helvetica.width(of: text, size: 11))
        #expect(PDFFont.helveticaBoldOblique.width(of: text, size: 11) == PDFFont.helveticaBold.width(of: text, size: 11))
        #expect(PDFFont.courier.width(of: text, size: 10) == Double(text.count) * 6)
    }

    @Test("a character outside WinAnsiEncoding measures as the question mark drawn for it")
    func replacement() {
        #expect(PDFFont.helvetica.width(of: "✓", size: 10) == PDFFont.helvetica.width(of: "?", size: 10))
    }

    @Test("every character WinAnsiEncoding can show has a width")
    func noMissingWidths() {
        for value in UInt32(0x20)...0x2200 {
            guard let scalar = Unicode.Scalar(value), let code = WinAnsiEncoding.code(for: scalar) else { continue }
            for font in PDFFont.allCases {
                #expect(font.units(of: code) > 0, "\(font) U+\(String(value, radix: 16))")
            }
        }
    }
}
