import Foundation
import Testing
@testable import PortalPDF

@Suite("WinAnsiEncoding: French text becomes the bytes the standard fonts show")
struct WinAnsiEncodingTests {
    /// Every character French text needs, with its byte in Windows code page 1252.
    static let french: [(Character, UInt8)] = [
        ("é", 0xE9), ("è", 0xE8), ("ê", 0xEA), ("ë", 0xEB), ("à", 0xE0), ("â", 0xE2), ("ä", 0xE4),
        ("ç", 0xE7), ("î", 0xEE), ("ï", 0xEF), ("ô", 0xF4), ("ö", 0xF6), ("ù", 0xF9), ("û", 0xFB),
        ("ü", 0xFC), ("ÿ", 0xFF), ("œ", 0x9C), ("Œ", 0x8C), ("æ", 0xE6), ("Æ", 0xC6),
        ("É", 0xC9), ("È", 0xC8), ("Ê", 0xCA), ("Ë", 0xCB), ("À", 0xC0), ("Â", 0xC2), ("Ä", 0xC4),
        ("Ç", 0xC7), ("Î", 0xCE), ("Ï", 0xCF), ("Ô", 0xD4), ("Ö", 0xD6), ("Ù", 0xD9), ("Û", 0xDB),
        ("Ü", 0xDC), ("Ÿ", 0x9F),
        ("€", 0x80), ("«", 0xAB), ("»", 0xBB), ("’", 0x92), ("‘", 0x91), ("“", 0x93), ("”", 0x94),
        ("–", 0x96), ("—", 0x97), ("…", 0x85), ("\u{00A0}", 0xA0), ("\u{202F}", 0xA0), ("°", 0xB0), ("²", 0xB2),
    ]

    @Test("each French letter, sign and punctuation mark has its CP1252 byte")
    func frenchCharacters() {
        for (character, byte) in Self.french {
            #expect(WinAnsiEncoding.code(for: character) == byte, "\(character) (U+\(String(character.unicodeScalars.first!.value, radix: 16)))")
        }
    }

    @Test("a sentence encodes one byte per character, ASCII unchanged")
    func sentence() {
        #expect(WinAnsiEncoding.encode("Reçu : 12 €") == [0x52, 0x65, 0xE7, 0x75, 0x20, 0x3A, 0x20, 0x31, 0x32, 0x20, 0x80])
        let ascii = (0x20...0x7E).map { Character(Unicode.Scalar($0)!) }
        #expect(WinAnsiEncoding.encode(String(ascii)) == Array(0x20...0x7E))
    }

    @Test("decomposed accents, as some keyboards and macOS file names produce them, are composed first")
    func decomposedAccents() {
        #expect(WinAnsiEncoding.encode("Cle\u{301}re\u{300}-les-Pins") == WinAnsiEncoding.encode("Clérè-les-Pins"))
        #expect(WinAnsiEncoding.encode("C\u{327}a") == [0xC7, 0x61])
    }

    @Test("characters WinAnsiEncoding cannot show become one question mark each, without crashing")
    func outsideWinAnsi() {
        #expect(WinAnsiEncoding.encode("✓ Ω 漢字") == Array("? ? ??".utf8))
        #expect(WinAnsiEncoding.encode("👍🏽") == [0x3F], "an emoji with a skin tone is one character")
        #expect(WinAnsiEncoding.encode("a\nb\tc\r\nd") == Array("a?b?c?d".utf8), "line breaks and tabs are not drawable")
        #expect(WinAnsiEncoding.encode("\u{80}\u{9F}\u{7F}") == Array("???".utf8), "C1 controls and DEL")
        #expect(WinAnsiEncoding.encode("q\u{301}") == [0x3F], "an accented letter with no precomposed form")
    }

    @Test("every Unicode character agrees with Foundation's CP1252 conversion, except controls and U+202F")
    func agreesWithFoundation() {
        for value in UInt32(0x20)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), !(0x7F...0x9F).contains(value), value != 0x202F else { continue }
            let foundation = String(scalar).data(using: .windowsCP1252, allowLossyConversion: false).map(Array.init)
            let expected = foundation.flatMap { $0.count == 1 ? $0[0] : nil }
            #expect(WinAnsiEncoding.code(for: scalar) == expected, "U+\(String(value, radix: 16))")
        }
    }
}
