import Testing
@testable import PortalHTTP

/// Inputs found by `scripts/fuzz` that crashed a target or broke one of its invariants, each fed through
/// the public API with the behaviour expected since the fix. The byte arrays are the saved inputs, unchanged.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// `fuzz-cookie`, minimised: `;` then U+06D9 (a combining mark) then `=`. Splitting the header into
    /// `Character`s kept `;` and the mark together as one grapheme cluster, so the `;` was not a separator
    /// and the cookie name came back as ";\u{6D9}", containing a `;`.
    @Test func cookieSeparatorFollowedByCombiningMark() {
        let header = String(decoding: [0x3b, 0xdb, 0x99, 0x3d] as [UInt8], as: UTF8.self)
        #expect(Cookies.parse(header) == ["\u{6D9}": ""])
        #expect(Cookies.parse("a=1;\u{301}b=2") == ["a": "1", "\u{301}b": "2"])
    }

    /// `fuzz-cookie`, the input as first saved: `=` followed by U+06D9 was one grapheme cluster, so the
    /// third cookie had no `=` and was dropped (3 cookies instead of 4).
    @Test func cookieEqualsFollowedByCombiningMark() {
        let bytes: [UInt8] = [
            0x73, 0x73, 0x2a, 0x20, 0x65, 0x73, 0x73, 0x69, 0x6e, 0x67, 0x20, 0x3d,
            0x20, 0x66, 0x65, 0x20, 0x20, 0x3b, 0x6c, 0x61, 0x6e, 0x66, 0x20, 0x3d,
            0x20, 0x66, 0x72, 0x20, 0x3b, 0x2a, 0x20, 0xd2, 0x65, 0x73, 0x73, 0x69,
            0x6e, 0x67, 0x20, 0x3d, 0xdb, 0x99, 0x9a, 0xdf, 0x20, 0x3b, 0x6c, 0x61,
            0x6e, 0x66, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3d, 0x20,
            0x66, 0x72, 0x20, 0x3b,
        ]
        let cookies = Cookies.parse(String(decoding: bytes, as: UTF8.self))
        #expect(cookies.count == 4)
        #expect(cookies["ss* essing"] == "fe")
        #expect(cookies["lanf"] == "fr")
        #expect(cookies["* \u{FFFD}essing"] == "\u{6D9}\u{FFFD}\u{FFFD}")
        #expect(cookies["lanf " + String(repeating: "\0", count: 7)] == "fr")
    }
}
