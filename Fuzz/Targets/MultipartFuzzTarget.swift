// libFuzzer target for `MultipartForm.decode` (multipart/form-data bodies). Built by `scripts/fuzz` into
// the PortalHTTP module itself.
//
// Input format: the first line (up to the first LF, a CR before it dropped) is the request's
// Content-Type header value, so the boundary parameter is fuzzed too; the rest is the body.
// Seeds in Fuzz/Corpus/multipart/ start with `multipart/form-data; boundary=…`.
//
// Invariants checked, beyond "no crash":
// - the only error is an `HTTPError` with a 4xx status (400 malformed, 413 beyond the limits, 415 not
//   multipart/form-data);
// - the limits hold: parts, text field and file sizes;
// - the decoded bytes (names, values, file names, content types, file data) add up to at most the body's size;
// - file names contain no `/`, `\`, NUL or other control character, hold at most 255 bytes, and
//   sanitising them again changes nothing; no file is both unnamed and empty (an empty file input);
// - text fields are UTF-8 (they are `String`s) and `form[name]` is the first value of `name`;
// - the decoded fields and files, re-encoded with the same boundary (fields first, then files) and
//   decoded again, are byte for byte the same fields and files;
// - a body accepted under the fuzzing limits is accepted, the same, under the default (larger) limits.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    MultipartFuzzCheck.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum MultipartFuzzCheck {
    /// Small limits so that fuzzing reaches every 413 branch with short inputs.
    static let limits = MultipartLimits(maxParts: 16, maxHeaderBytes: 512, maxFieldBytes: 2048, maxFileBytes: 8192, maxBodyBytes: 60000)

    static func run(_ input: [UInt8]) {
        let newline = input.firstIndex(of: 0x0A) ?? input.endIndex
        var header = input[..<newline]
        if header.last == 0x0D { header = header.dropLast() }
        let contentType = String(decoding: header, as: UTF8.self)
        let body = newline == input.endIndex ? [] : Array(input[(newline + 1)...])

        let form: MultipartForm
        do {
            form = try MultipartForm.decode(body, contentType: contentType, limits: limits)
        } catch let error as HTTPError {
            require((400...499).contains(error.status.code), "multipart error with status \(error.status.code)")
            return
        } catch {
            fatalError("untyped multipart error \(error)")
        }

        require(form.fields.count + form.files.count <= limits.maxParts, "more than \(limits.maxParts) parts")
        var decodedBytes = 0
        for field in form.fields {
            require(!field.name.isEmpty, "empty field name")
            require(field.value.utf8.count <= limits.maxFieldBytes, "text field beyond the limit")
            decodedBytes += field.name.utf8.count + field.value.utf8.count
        }
        for file in form.files {
            require(!file.name.isEmpty, "empty file input name")
            require(file.data.count <= limits.maxFileBytes, "file beyond the limit")
            let bytes = Array(file.filename.utf8)
            require(!bytes.contains(UInt8(ascii: "/")) && !bytes.contains(UInt8(ascii: "\\")) && !bytes.contains(0),
                    "file name \(file.filename.debugDescription) holds a separator or NUL")
            require(!file.filename.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                    "file name \(file.filename.debugDescription) holds a control character")
            require(bytes.count <= MultipartFile.maxFilenameBytes, "file name of \(bytes.count) bytes")
            require(file.filename != "." && file.filename != "..", "file name is a dot name")
            require(MultipartFile.sanitizedFilename(file.filename) == file.filename, "sanitising is not idempotent")
            require(!(file.filename.isEmpty && file.data.isEmpty), "empty file input listed as a file")
            decodedBytes += file.name.utf8.count + bytes.count + (file.contentType?.utf8.count ?? 0) + file.data.count
        }
        require(decodedBytes <= body.count, "\(decodedBytes) decoded bytes from a \(body.count)-byte body")

        for (name, _) in form.fields.prefix(8) {
            let firstEqual = form.fields.first { $0.name == name }!.value
            require(form[name].map { Array($0.utf8) } == Array(firstEqual.utf8), "form[name] is not the first value")
        }

        let relaxed: MultipartForm
        do {
            relaxed = try MultipartForm.decode(body, contentType: contentType)
        } catch {
            fatalError("accepted under the fuzzing limits, refused under the defaults: \(error)")
        }
        require(same(relaxed, form), "default limits decode differently")

        // Same boundary: the decoded contents cannot hold the delimiter, since the original did not.
        let boundary: String
        do {
            boundary = try MultipartForm.boundary(fromContentType: contentType)
        } catch {
            fatalError("boundary refused after a successful decode: \(error)")
        }
        let encoded = encode(form, boundary: boundary)
        let again: MultipartForm
        do {
            // Default limits: quoting and escaping may make a part's headers longer than they were.
            again = try MultipartForm.decode(encoded, contentType: "multipart/form-data; boundary=\"\(boundary)\"")
        } catch {
            fatalError("re-encoded form rejected: \(error)")
        }
        require(same(again, form), "re-encoded form decodes differently")
        require(encode(again, boundary: boundary) == encoded, "encoding is not stable")
    }

    /// Byte-for-byte equality of the fields and files of two forms.
    static func same(_ a: MultipartForm, _ b: MultipartForm) -> Bool {
        a.fields.count == b.fields.count
            && zip(a.fields, b.fields).allSatisfy { $0.name.utf8.elementsEqual($1.name.utf8) && $0.value.utf8.elementsEqual($1.value.utf8) }
            && a.files.count == b.files.count
            && zip(a.files, b.files).allSatisfy {
                $0.name.utf8.elementsEqual($1.name.utf8) && $0.filename.utf8.elementsEqual($1.filename.utf8)
                    && $0.contentType.map { Array($0.utf8) } == $1.contentType.map { Array($0.utf8) } && $0.data == $1.data
            }
    }

    /// The form as a strict encoder writes it: fields then files, quoted names with `"` and `\`
    /// backslash-escaped, close delimiter and CRLF.
    static func encode(_ form: MultipartForm, boundary: String) -> [UInt8] {
        var bytes: [UInt8] = []
        func append(_ text: String) { bytes += Array(text.utf8) }
        // Byte-wise: a `"` followed by a combining mark is one Character, yet still a quote.
        func quoted(_ text: String) -> String {
            var escaped: [UInt8] = [UInt8(ascii: "\"")]
            for byte in text.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { escaped.append(UInt8(ascii: "\\")) }
                escaped.append(byte)
            }
            escaped.append(UInt8(ascii: "\""))
            return String(decoding: escaped, as: UTF8.self)
        }
        for field in form.fields {
            append("--\(boundary)\r\nContent-Disposition: form-data; name=\(quoted(field.name))\r\n\r\n\(field.value)\r\n")
        }
        for file in form.files {
            append("--\(boundary)\r\nContent-Disposition: form-data; name=\(quoted(file.name)); filename=\(quoted(file.filename))\r\n")
            if let contentType = file.contentType { append("Content-Type: \(contentType)\r\n") }
            append("\r\n")
            bytes += file.data
            append("\r\n")
        }
        append("--\(boundary)--\r\n")
        return bytes
    }
}

/// `precondition` whose message survives `-O`, so libFuzzer's report says which invariant broke.
private func require(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) {
    if !condition { fatalError(message(), line: line) }
}
