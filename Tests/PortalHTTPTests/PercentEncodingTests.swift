import PortalHTTP
import Testing

@Suite("Percent-encoding for query strings and forms")
struct PercentEncodingTests {
    @Test("Encoded text decodes back to itself, whatever it holds", arguments: [
        "", "abc-._~XYZ09", "déchèterie & co", "a+b=c;d/e?f#g%h", "ligne\r\nsuivante", "😀 emoji", "37123",
    ])
    func roundTrip(text: String) throws {
        let encoded = URLEncodedForm.encode(text)
        #expect(encoded.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "=") })
        #expect(try URLEncodedForm.decode(Array("v=\(encoded)".utf8))["v"] == text)
    }

    @Test("Unreserved characters stay as they are; others are %XX in upper case")
    func form() {
        #expect(URLEncodedForm.encode("en_instruction") == "en_instruction")
        #expect(URLEncodedForm.encode("é /") == "%C3%A9%20%2F")
    }
}
