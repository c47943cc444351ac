/// A colour to draw text, lines and rectangles with: a gray level or red, green and blue components,
/// each from 0 to 1.
public struct PDFColor: Sendable, Hashable {
    /// The components as the content stream writes them.
    enum Components: Sendable, Hashable {
        /// A level in the DeviceGray colour space.
        case gray(Double)
        /// A triple in the DeviceRGB colour space.
        case rgb(red: Double, green: Double, blue: Double)
    }

    let components: Components

    /// A gray level, from 0 (black) to 1 (white); values outside are brought back into that range.
    public static func gray(_ level: Double) -> PDFColor {
        PDFColor(components: .gray(unit(level)))
    }

    /// An RGB colour, each component from 0 to 1; values outside are brought back into that range.
    public static func rgb(red: Double, green: Double, blue: Double) -> PDFColor {
        PDFColor(components: .rgb(red: unit(red), green: unit(green), blue: unit(blue)))
    }

    /// An RGB colour from a 24-bit `0xRRGGBB` value, as written in CSS: `rgb(hex: 0x000091)`.
    public static func rgb(hex: UInt32) -> PDFColor {
        rgb(red: Double((hex >> 16) & 0xFF) / 255,
            green: Double((hex >> 8) & 0xFF) / 255,
            blue: Double(hex & 0xFF) / 255)
    }

    /// Black.
    public static let black = gray(0)
    /// White.
    public static let white = gray(1)

    private static func unit(_ value: Double) -> Double {
        min(max(value, 0), 1)
    }
}
