/// Writes the structure of a PDF file: the header, numbered objects whose byte offsets it records,
/// then the cross-reference table and trailer that point at them.
struct PDFWriter {
    private var bytes: [UInt8]
    private var offsets: [Int] = []

    /// A file holding its header: the version, then a comment of bytes above 127 telling transfer
    /// tools the file is binary.
    init() {
        bytes = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    }

    /// Appends object `number` holding `body`. Objects are numbered from 1, in the order written.
    mutating func addObject(_ number: Int, _ body: [UInt8]) {
        precondition(number == offsets.count + 1, "object \(number) written out of order")
        offsets.append(bytes.count)
        bytes += Array("\(number) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
    }

    /// Appends object `number` holding `body` written in ASCII.
    mutating func addObject(_ number: Int, _ body: String) {
        addObject(number, Array(body.utf8))
    }

    /// Appends object `number`: a stream of `data` compressed with FlateDecode, its `/Length` being
    /// the compressed size.
    mutating func addCompressedStream(_ number: Int, _ data: [UInt8]) {
        let compressed = Flate.compress(data)
        let dictionary = "<< /Length \(compressed.count) /Filter /FlateDecode >>\nstream\n"
        addObject(number, Array(dictionary.utf8) + compressed + Array("\nendstream".utf8))
    }

    /// The finished file: the objects, the cross-reference table giving each one's offset, the
    /// trailer naming the catalog `root` and the information dictionary `info`, `startxref` and `%%EOF`.
    func finish(root: Int, info: Int) -> [UInt8] {
        var file = bytes
        // Each entry is exactly 20 bytes: ten digits, five digits, the type, space and line feed.
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root \(root) 0 R /Info \(info) 0 R >>\n"
        table += "startxref\n\(bytes.count)\n%%EOF\n"
        file += Array(table.utf8)
        return file
    }
}
