extension MultipartForm {
    /// Decodes a `multipart/form-data` body sent with the `Content-Type` header value `contentType`.
    ///
    /// The body is read as RFC 2046 §5.1.1 says, strictly: an optional preamble, then
    /// `--boundary` lines (transport padding of spaces and tabs allowed before their CRLF) between
    /// parts, then the close delimiter `--boundary--`, optionally followed by padding and a CRLF and
    /// an ignored epilogue. A body with the close delimiter only is an empty form. A delimiter string
    /// followed by anything else is an error (it may not occur inside a part). Each part has header
    /// lines `Name: value` ending in CRLF (no folding, no bare CR or LF), an empty line, then its
    /// content; it needs `Content-Disposition: form-data; name="…"`. A part with `filename` is a file;
    /// one without is a text field whose value must be UTF-8.
    ///
    /// Throws an ``HTTPError``: 415 when `contentType` is not `multipart/form-data`, 413 beyond
    /// `limits`, 400 on anything malformed.
    public static func decode(_ body: [UInt8], contentType: String, limits: MultipartLimits = .init()) throws -> MultipartForm {
        let boundary = try self.boundary(fromContentType: contentType)
        guard body.count <= limits.maxBodyBytes else {
            throw HTTPError(.payloadTooLarge, message: "multipart body too large")
        }
        let delimiter: [UInt8] = [0x0D, 0x0A, UInt8(ascii: "-"), UInt8(ascii: "-")] + Array(boundary.utf8)
        return try body.withUnsafeBufferPointer { body in
            try delimiter.withUnsafeBufferPointer { delimiter in
                try decode(body, delimiter: delimiter, limits: limits)
            }
        }
    }

    private static func decode(_ body: UnsafeBufferPointer<UInt8>, delimiter: UnsafeBufferPointer<UInt8>, limits: MultipartLimits) throws -> MultipartForm {
        let dash = UInt8(ascii: "-")
        let dashBoundary = UnsafeBufferPointer(rebasing: delimiter[2...])
        var form = MultipartForm()

        // The first `--boundary` starts the body or follows a CRLF ending the preamble.
        var position: Int
        if body.starts(with: dashBoundary) {
            position = dashBoundary.count
        } else if let found = ByteSearch.firstIndex(of: delimiter, in: body, from: 0, to: body.count) {
            position = found + delimiter.count
        } else {
            throw HTTPError(.badRequest, message: "multipart boundary not found in body")
        }

        var partCount = 0
        while true {
            // `position` is just after a `--boundary`.
            if body.count - position >= 2, body[position] == dash, body[position + 1] == dash {
                position += 2
                while position < body.count, body[position] == 0x20 || body[position] == 0x09 { position += 1 }
                guard position == body.count || (body.count - position >= 2 && body[position] == 0x0D && body[position + 1] == 0x0A) else {
                    throw HTTPError(.badRequest, message: "garbage after multipart close delimiter")
                }
                return form
            }
            while position < body.count, body[position] == 0x20 || body[position] == 0x09 { position += 1 }
            guard body.count - position >= 2, body[position] == 0x0D, body[position + 1] == 0x0A else {
                throw HTTPError(.badRequest, message: "multipart delimiter not followed by CRLF or --")
            }
            position += 2

            partCount += 1
            guard partCount <= limits.maxParts else { throw HTTPError(.payloadTooLarge, message: "too many multipart parts") }
            guard let end = ByteSearch.firstIndex(of: delimiter, in: body, from: position, to: body.count) else {
                throw HTTPError(.badRequest, message: "multipart close delimiter missing")
            }
            try decodePart(body, from: position, to: end, limits: limits, into: &form)
            position = end + delimiter.count
        }
    }

    /// Decodes the part `body[start..<end]` (headers, empty line, content) into `form`.
    private static func decodePart(_ body: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, limits: MultipartLimits,
                                   into form: inout MultipartForm) throws {
        var headers = MultipartPartHeaders()
        var lineStart = start
        var contentStart: Int
        while true {
            // Headers ending with the part (the last line's CRLF right before the delimiter) mean no content.
            if lineStart == end {
                contentStart = end
                break
            }
            let window = min(end, start + limits.maxHeaderBytes)
            guard let lineFeed = ByteSearch.firstIndex(of: 0x0A, in: body, from: lineStart, to: window) else {
                if window < end { throw HTTPError(.payloadTooLarge, message: "multipart part headers too large") }
                throw HTTPError(.badRequest, message: "multipart part headers not terminated")
            }
            guard lineFeed > lineStart, body[lineFeed - 1] == 0x0D else {
                throw HTTPError(.badRequest, message: "bare LF in multipart part headers")
            }
            if lineFeed - 1 == lineStart {
                contentStart = lineFeed + 1
                break
            }
            try headers.add(line: UnsafeBufferPointer(rebasing: body[lineStart..<(lineFeed - 1)]))
            lineStart = lineFeed + 1
        }
        guard let name = headers.name else {
            throw HTTPError(.badRequest, message: "multipart part without Content-Disposition")
        }
        let content = UnsafeBufferPointer(rebasing: body[contentStart..<end])

        guard let rawFilename = headers.filename else {
            guard content.count <= limits.maxFieldBytes else { throw HTTPError(.payloadTooLarge, message: "multipart text field too large") }
            guard let value = String(validating: content, as: UTF8.self) else {
                throw HTTPError(.badRequest, message: "multipart text field is not UTF-8")
            }
            form.fields.append((name, value))
            return
        }
        guard content.count <= limits.maxFileBytes else { throw HTTPError(.payloadTooLarge, message: "multipart file too large") }
        let filename = MultipartFile.sanitizedFilename(rawFilename)
        // An empty file input: browsers send `filename=""` and no content. Not a file.
        if filename.isEmpty && content.isEmpty { return }
        form.files.append(MultipartFile(name: name, filename: filename, contentType: headers.contentType, data: Array(content)))
    }
}
