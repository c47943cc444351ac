/// Windows-1252, the code page French spreadsheets on Windows still save CSV files in.
enum Windows1252 {
    /// The text of `bytes`, or nil when a byte has no character in the code page (0x81, 0x8D,
    /// 0x8F, 0x90, 0x9D).
    static func decode(_ bytes: some Collection<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte) {
                guard let scalar = Unicode.Scalar(highHalf[Int(byte - 0x80)]), highHalf[Int(byte - 0x80)] != 0 else { return nil }
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// The characters of bytes 0x80 to 0x9F (0: none); the other bytes are those of ISO 8859-1.
    private static let highHalf: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
