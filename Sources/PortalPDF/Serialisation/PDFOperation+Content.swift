extension PDFOperation {
    /// The content-stream operators that draw this operation, ending with a line break. Each
    /// operation sets the state it uses (colour, line width, font), so operations can be written in
    /// any order.
    var contentBytes: [UInt8] {
        switch self {
        case let .text(codes, x, y, font, size, color):
            Array("\(color.fillOperator) BT /\(font.postScriptName) \(size.pdfNumber) Tf \(x.pdfNumber) \(y.pdfNumber) Td ".utf8)
                + PDFString.literal(codes) + Array(" Tj ET\n".utf8)
        case let .line(fromX, fromY, toX, toY, width, color):
            Array("\(color.strokeOperator) \(width.pdfNumber) w \(fromX.pdfNumber) \(fromY.pdfNumber) m \(toX.pdfNumber) \(toY.pdfNumber) l S\n".utf8)
        case let .fillRectangle(x, y, width, height, color):
            Array("\(color.fillOperator) \(x.pdfNumber) \(y.pdfNumber) \(width.pdfNumber) \(height.pdfNumber) re f\n".utf8)
        case let .strokeRectangle(x, y, width, height, lineWidth, color):
            Array("\(color.strokeOperator) \(lineWidth.pdfNumber) w \(x.pdfNumber) \(y.pdfNumber) \(width.pdfNumber) \(height.pdfNumber) re S\n".utf8)
        }
    }
}

private extension PDFColor {
    /// The operator setting this colour for filling, text included: `0.5 g`, `0 0 0.569 rg`.
    var fillOperator: String {
        switch components {
        case let .gray(level): "\(level.pdfNumber) g"
        case let .rgb(red, green, blue): "\(red.pdfNumber) \(green.pdfNumber) \(blue.pdfNumber) rg"
        }
    }

    /// The operator setting this colour for stroking lines: `0.5 G`, `0 0 0.569 RG`.
    var strokeOperator: String {
        switch components {
        case let .gray(level): "\(level.pdfNumber) G"
        case let .rgb(red, green, blue): "\(red.pdfNumber) \(green.pdfNumber) \(blue.pdfNumber) RG"
        }
    }
}
