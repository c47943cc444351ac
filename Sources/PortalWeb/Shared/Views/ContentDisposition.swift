/// `Content-Disposition: attachment` with a filename every browser reads (RFC 6266): an ASCII
/// fallback, and the real name percent-encoded in UTF-8 (RFC 8187).
enum ContentDisposition {
    static func attachment(filename: String) -> String {
        let fallback = String(filename.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" && scalar != "%" ? Character(scalar) : "_"
        })
        let encoded = filename.utf8.map { byte -> String in
            let character = Character(Unicode.Scalar(byte))
            let unreserved = byte < 0x80 && (character.isLetter || character.isNumber || "-._~".contains(character))
            return unreserved ? String(character) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }.joined()
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
