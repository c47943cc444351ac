// libFuzzer target for `URLEncodedForm.decode` (application/x-www-form-urlencoded bodies).
// Built by `scripts/fuzz` into the PortalHTTP module itself.
//
// Invariants checked, beyond "no crash":
// - the only error is an `HTTPError` with a 4xx status (400 malformed, 413 too many fields);
// - a decoded form has at most `maxFieldCount` fields;
// - the lenient decoder (used for query strings) agrees with the strict one whenever the strict one succeeds;
// - the decoded fields, re-encoded and decoded again, are byte for byte the same fields;
// - `form[name]` is the first value of `name` and `values(name)` all of them, in order.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FormFuzzCheck.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum FormFuzzCheck {
    static func run(_ bytes: [UInt8]) {
        let lenient = URLEncodedForm.lenientFields(bytes)
        require(lenient.count <= URLEncodedForm.maxFieldCount, "lenient decoder returned \(lenient.count) fields")
        let form: URLEncodedForm
        do {
            form = try URLEncodedForm.decode(bytes)
        } catch let error as HTTPError {
            require((400...499).contains(error.status.code), "form error with status \(error.status.code)")
            return
        } catch {
            fatalError("untyped form error \(error)")
        }
        require(form.fields.count <= URLEncodedForm.maxFieldCount, "\(form.fields.count) fields accepted")
        require(same(lenient, form.fields), "lenient and strict decoders disagree")

        let encoded = encode(form.fields)
        let again: URLEncodedForm
        do {
            again = try URLEncodedForm.decode(encoded)
        } catch {
            fatalError("re-encoded form rejected: \(error)")
        }
        require(same(again.fields, form.fields), "re-encoded form decodes differently")
        require(encode(again.fields) == encoded, "encoding is not stable")

        for (name, _) in form.fields.prefix(8) {
            let all = form.fields.filter { $0.name.utf8.elementsEqual(name.utf8) }.map(\.value)
            // Lookup compares names as Swift strings (canonical equivalence): check against the first equal one.
            let firstEqual = form.fields.first { $0.name == name }!.value
            require(form[name].map { Array($0.utf8) } == Array(firstEqual.utf8), "form[name] is not the first value")
            require(form.values(name).count >= all.count, "values(name) misses values")
        }
    }

    /// Byte-for-byte equality of two field lists.
    static func same(_ a: [(name: String, value: String)], _ b: [(name: String, value: String)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.name.utf8.elementsEqual($1.name.utf8) && $0.value.utf8.elementsEqual($1.value.utf8) }
    }

    /// The form encoding of `fields` as a browser would send it (space as `+`, everything else escaped).
    static func encode(_ fields: [(name: String, value: String)]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "&")) }
            escape(field.name, into: &bytes)
            bytes.append(UInt8(ascii: "="))
            escape(field.value, into: &bytes)
        }
        return bytes
    }

    static func escape(_ text: String, into bytes: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                bytes.append(byte)
            case UInt8(ascii: " "):
                bytes.append(UInt8(ascii: "+"))
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
    }
}

/// `precondition` whose message survives `-O`, so libFuzzer's report says which invariant broke.
private func require(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) {
    if !condition { fatalError(message(), line: line) }
}
