// libFuzzer target for `Cookies.parse` (the `Cookie` request header). Built by `scripts/fuzz` into the
// PortalHTTP module itself.
//
// Invariants checked, beyond "no crash":
// - no cookie name is empty, contains `=` or `;`, or starts or ends with a space or tab; no value contains `;`;
// - the result equals a byte-level reading of RFC 6265 §5.4 (split at `;`, name before the first `=`,
//   spaces and tabs trimmed, one pair of surrounding double quotes removed), where the first occurrence
//   of a name wins;
// - a cookie written by `SetCookie` and sent back among the input's cookies is read back unchanged
//   when it comes first.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    CookieFuzzCheck.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum CookieFuzzCheck {
    static func run(_ bytes: [UInt8]) {
        let header = String(decoding: bytes, as: UTF8.self)
        let cookies = Cookies.parse(header)
        for (name, value) in cookies {
            let scalars = Array(name.unicodeScalars)
            require(!scalars.isEmpty, "empty cookie name")
            require(!scalars.contains("=") && !scalars.contains(";"), "cookie name \(name.debugDescription) contains = or ;")
            require(!isSpace(scalars.first!) && !isSpace(scalars.last!), "cookie name \(name.debugDescription) has surrounding whitespace")
            require(!value.unicodeScalars.contains(";"), "cookie value \(value.debugDescription) contains ;")
        }

        let expected = reference(header)
        require(cookies.count == expected.count, "\(cookies.count) cookies, expected \(expected.count)")
        for (name, value) in expected {
            require(cookies[name].map { Array($0.utf8) } == Array(value.utf8),
                         "cookie \(name.debugDescription) is \(cookies[name]?.debugDescription ?? "missing"), expected \(value.debugDescription)")
        }

        // A cookie the server set, sent back first, wins over anything after it.
        let set = SetCookie(name: "sid", value: "v" + String(decoding: bytes.prefix(16), as: UTF8.self))
        let pair = set.headerValue.split(separator: ";", maxSplits: 1)[0]
        let roundTrip = Cookies.parse(pair + "; " + header)
        let setValue = String(pair.dropFirst(4))
        require(roundTrip["sid"].map { Array($0.utf8) } == Array(setValue.utf8), "Set-Cookie value not read back first")
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// RFC 6265 §5.4 at the byte level.
    static func reference(_ header: String) -> [String: String] {
        var cookies: [String: String] = [:]
        for piece in Array(header.utf8).split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
            guard let equals = piece.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = trim(piece[..<equals])
            var value = trim(piece[(equals + 1)...])
            if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") { value = value.dropFirst().dropLast() }
            let nameText = String(decoding: name, as: UTF8.self)
            guard !name.isEmpty, cookies[nameText] == nil else { continue }
            cookies[nameText] = String(decoding: value, as: UTF8.self)
        }
        return cookies
    }

    static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = bytes
        while let byte = bytes.first, byte == 0x20 || byte == 0x09 { bytes.removeFirst() }
        while let byte = bytes.last, byte == 0x20 || byte == 0x09 { bytes.removeLast() }
        return bytes
    }
}

/// `precondition` whose message survives `-O`, so libFuzzer's report says which invariant broke.
private func require(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) {
    if !condition { fatalError(message(), line: line) }
}
