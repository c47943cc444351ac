import Foundation
import Testing
@testable import PortalPDF

@Suite("PDF syntax: numbers, strings and dates")
struct PDFSyntaxTests {
    @Test("numbers are written with at most three decimals, no exponent and no trailing zeros")
    func numbers() {
        #expect(12.0.pdfNumber == "12")
        #expect(0.5.pdfNumber == "0.5")
        #expect((-3.125).pdfNumber == "-3.125")
        #expect(595.28.pdfNumber == "595.28")
        #expect((1.0 / 3).pdfNumber == "0.333")
        #expect(0.0004.pdfNumber == "0")
        #expect((-0.0004).pdfNumber == "0")
        #expect(1e-9.pdfNumber == "0")
        #expect(1e20.pdfNumber == "1000000000")
        #expect(Double.nan.pdfNumber == "0")
        #expect(Double.infinity.pdfNumber == "0")
    }

    @Test("literal strings escape parentheses and backslashes and nothing else")
    func literal() {
        #expect(PDFString.literal(Array(#"a(b)c\d"#.utf8)) == Array(#"(a\(b\)c\\d)"#.utf8))
        #expect(PDFString.literal([0xE9, 0x80]) == [0x28, 0xE9, 0x80, 0x29])
    }

    @Test("text strings are literal in ASCII, UTF-16BE with a byte-order mark otherwise")
    func textStrings() {
        #expect(PDFString.text("Facture (2026)") == Array(#"(Facture \(2026\))"#.utf8))
        #expect(PDFString.text("Reçu") == Array("<FEFF0052006500E70075>".utf8))
        #expect(PDFString.text("😀") == Array("<FEFFD83DDE00>".utf8))
    }

    @Test("dates are written in UTC")
    func dates() {
        #expect(Date(timeIntervalSince1970: 1_773_325_800).pdfDate == "D:20260312143000Z")
        #expect(Date(timeIntervalSince1970: 0).pdfDate == "D:19700101000000Z")
    }

    @Test("colours are brought into the 0 to 1 range")
    func colours() {
        #expect(PDFColor.gray(2) == .white)
        #expect(PDFColor.rgb(red: -1, green: 0.5, blue: 3) == .rgb(red: 0, green: 0.5, blue: 1))
        #expect(PDFColor.rgb(hex: 0xFF8000) == .rgb(red: 1, green: 128.0 / 255, blue: 0))
    }
}
