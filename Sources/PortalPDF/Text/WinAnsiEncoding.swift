import Foundation

/// Unicode to WinAnsiEncoding (Windows code page 1252), the encoding the standard fonts are used with.
///
/// Every character (grapheme cluster) becomes exactly one byte: decomposed accents (`e` + U+0301) are
/// composed first; the narrow no-break space U+202F that French number formatting puts between
/// thousands becomes the no-break space 0xA0; a character WinAnsiEncoding cannot show (a control
/// character or line break, Greek, an emoji, ...) becomes ``replacement``, `?`.
enum WinAnsiEncoding {
    /// The byte drawn for a character WinAnsiEncoding cannot show: `?`.
    static let replacement: UInt8 = 0x3F

    /// The WinAnsiEncoding bytes of `text`, one per character.
    static func encode(_ text: String) -> [UInt8] {
        text.map(code(for:))
    }

    /// The WinAnsiEncoding byte of `character`, or ``replacement``.
    static func code(for character: Character) -> UInt8 {
        var scalars = character.unicodeScalars
        if scalars.count > 1 {
            scalars = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
        }
        guard scalars.count == 1, let scalar = scalars.first else { return replacement }
        return code(for: scalar) ?? replacement
    }

    /// The WinAnsiEncoding byte of `scalar`, or nil when it has none.
    static func code(for scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        // ASCII, and Latin-1 from the no-break space on: the same bytes.
        case 0x20...0x7E, 0xA0...0xFF: UInt8(scalar.value)
        case 0x202F: 0xA0  // narrow no-break space
        case 0x20AC: 0x80  // €
        case 0x201A: 0x82  // ‚
        case 0x0192: 0x83  // ƒ
        case 0x201E: 0x84  // „
        case 0x2026: 0x85  // …
        case 0x2020: 0x86  // †
        case 0x2021: 0x87  // ‡
        case 0x02C6: 0x88  // ˆ
        case 0x2030: 0x89  // ‰
        case 0x0160: 0x8A  // Š
        case 0x2039: 0x8B  // ‹
        case 0x0152: 0x8C  // Œ
        case 0x017D: 0x8E  // Ž
        case 0x2018: 0x91  // ‘
        case 0x2019: 0x92  // ’
        case 0x201C: 0x93  // “
        case 0x201D: 0x94  // ”
        case 0x2022: 0x95  // •
        case 0x2013: 0x96  // –
        case 0x2014: 0x97  // —
        case 0x02DC: 0x98  // ˜
        case 0x2122: 0x99  // ™
        case 0x0161: 0x9A  // š
        case 0x203A: 0x9B  // ›
        case 0x0153: 0x9C  // œ
        case 0x017E: 0x9E  // ž
        case 0x0178: 0x9F  // Ÿ
        default: nil
        }
    }
}
