import CZlib

/// A written PDF file read back the way a reader starts: `startxref`, then the cross-reference
/// table, then the objects at the offsets it gives.
struct PDFFile {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The offset written after the last `startxref`.
    var startxref: Int? {
        guard let keyword = bytes.ranges(of: Array("startxref\n".utf8)).last else { return nil }
        return integer(at: keyword.upperBound)
    }

    /// The in-use entries of the cross-reference table, by object number: each object's offset.
    /// Nil when the table is not where `startxref` says, or is malformed.
    var objectOffsets: [Int: Int]? {
        guard let start = startxref, starts(with: "xref\n0 ", at: start),
              let count = integer(at: start + 7) else { return nil }
        let firstEntry = start + 7 + String(count).count + 1
        var offsets: [Int: Int] = [:]
        for number in 0..<count {
            let entry = firstEntry + 20 * number
            guard entry + 20 <= bytes.count else { return nil }
            let text = String(decoding: bytes[entry..<entry + 20], as: UTF8.self)
            guard text.hasSuffix(" \n") else { return nil }
            if text.dropLast(2).hasSuffix(" n"), let offset = Int(text.prefix(10)) {
                offsets[number] = offset
            }
        }
        return offsets
    }

    /// The text of object `number`, from `N 0 obj` to `endobj`, streams included, bytes above 127
    /// read as Latin-1.
    func object(_ number: Int) -> String? {
        guard let offset = objectOffsets?[number], starts(with: "\(number) 0 obj\n", at: offset),
              let end = bytes[offset...].firstRange(of: Array("endobj".utf8)) else { return nil }
        return String(bytes[offset..<end.upperBound].map { Character(Unicode.Scalar($0)) })
    }

    /// The data of stream object `number`: exactly its `/Length` bytes, provided `endstream` follows
    /// them after one end-of-line.
    func streamData(_ number: Int) -> [UInt8]? {
        guard let offset = objectOffsets?[number],
              let lengthKey = bytes[offset...].firstRange(of: Array("/Length ".utf8)),
              let length = integer(at: lengthKey.upperBound),
              let keyword = bytes[offset...].firstRange(of: Array("stream\n".utf8)) else { return nil }
        let end = keyword.upperBound + length
        guard starts(with: "\nendstream", at: end) else { return nil }
        return Array(bytes[keyword.upperBound..<end])
    }

    /// The object number of each `N 0 obj` that holds `text`, such as `/Type /Page `.
    func objects(containing text: String) -> [Int] {
        (objectOffsets ?? [:]).keys.sorted().filter { object($0)?.contains(text) == true }
    }

    private func starts(with text: String, at offset: Int) -> Bool {
        let expected = Array(text.utf8)
        return offset >= 0 && offset + expected.count <= bytes.count
            && Array(bytes[offset..<offset + expected.count]) == expected
    }

    private func integer(at offset: Int) -> Int? {
        let digits = bytes[offset...].prefix { (0x30...0x39).contains($0) }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}

/// `data` decompressed from the zlib format, as FlateDecode does; nil when it is not valid zlib data.
func inflate(_ data: [UInt8]) -> [UInt8]? {
    var output = [UInt8](repeating: 0, count: 1 << 20)
    var length = uLong(output.count)
    let result = output.withUnsafeMutableBufferPointer { out in
        data.withUnsafeBufferPointer { input in
            uncompress(out.baseAddress, &length, input.baseAddress, uLong(input.count))
        }
    }
    guard result == Z_OK else { return nil }
    return Array(output.prefix(Int(length)))
}
