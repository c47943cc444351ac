/// An incremental HTTP/1.1 request parser (RFC 9112), strict about framing to prevent request smuggling.
///
/// Append bytes as they arrive, then call ``next()`` until it returns nil. Each request yields
/// ``HTTPParserEvent/head(_:)`` as soon as its head is accepted, then ``HTTPParserEvent/request(_:)``.
/// Pipelined requests are parsed one after the other from the same buffer. After an error the parser
/// keeps throwing it: the connection must answer and close.
public struct HTTPRequestParser: Sendable {
    /// The limits applied.
    public let limits: HTTPParserLimits

    private enum State: Sendable {
        case requestLine(emptyLines: Int)
        case headers
        case headComplete
        case body(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case complete
        case failed(HTTPParseError)
    }

    private var buffer: [UInt8] = []
    private var position = 0
    private var state = State.requestLine(emptyLines: 0)
    private var head = PartialHead()
    private var body: [UInt8] = []

    /// Creates a parser applying `limits`.
    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if position > 0, position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            position = 0
        } else if position > 65536, position * 2 > buffer.count {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received but not yet consumed by a complete request.
    public var bufferedByteCount: Int { buffer.count - position }

    /// Whether the parser is between requests with nothing buffered.
    public var isIdle: Bool {
        if case .requestLine = state, position == buffer.count { return true }
        return false
    }

    /// Whether the current request's head has been accepted and its body is being read.
    public var isReadingBody: Bool {
        switch state {
        case .headComplete, .body, .chunkSize, .chunkData, .chunkDataEnd, .trailers, .complete: true
        default: false
        }
    }

    /// Parses what is buffered and returns the next event, or nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> HTTPParserEvent? {
        do {
            return try step()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func step() throws(HTTPParseError) -> HTTPParserEvent? {
        while true {
            switch state {
            case .failed(let error):
                throw error
            case .requestLine(let emptyLines):
                guard let line = try readLine(maxLength: limits.maxRequestLineLength, tooLong: .requestLineTooLong) else { return nil }
                if line.isEmpty {
                    guard emptyLines < limits.maxLeadingEmptyLines else { throw .tooManyEmptyLines }
                    state = .requestLine(emptyLines: emptyLines + 1)
                } else {
                    head = try PartialHead(requestLine: line)
                    state = .headers
                }
            case .headers:
                let remaining = limits.maxHeaderBytes - head.headerBytes
                guard let line = try readLine(maxLength: remaining - 2, tooLong: .headerSectionTooLarge) else { return nil }
                head.headerBytes += line.count + 2
                if line.isEmpty {
                    state = try framing()
                    return .head(head.request(body: []))
                }
                guard head.fields.count < limits.maxHeaderCount else { throw .tooManyHeaders }
                head.fields.append(try Self.parseField(line))
            case .headComplete:
                state = .complete
            case .body(let remaining):
                let available = min(remaining, buffer.count - position)
                guard available > 0 else { return nil }
                body.append(contentsOf: buffer[position..<position + available])
                position += available
                state = remaining == available ? .complete : .body(remaining: remaining - available)
            case .chunkSize:
                let maxLength = 16 + limits.maxChunkExtensionLength
                guard let line = try readLine(maxLength: maxLength, tooLong: .invalidChunk) else { return nil }
                let size = try Self.parseChunkSize(line, maxExtensionLength: limits.maxChunkExtensionLength)
                guard size <= limits.maxBodyBytes - body.count else { throw .bodyTooLarge }
                state = size == 0 ? .trailers : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let available = min(remaining, buffer.count - position)
                guard available > 0 else { return nil }
                body.append(contentsOf: buffer[position..<position + available])
                position += available
                state = remaining == available ? .chunkDataEnd : .chunkData(remaining: remaining - available)
            case .chunkDataEnd:
                guard buffer.count - position >= 2 else { return nil }
                guard buffer[position] == UInt8(ascii: "\r"), buffer[position + 1] == UInt8(ascii: "\n") else { throw .invalidChunk }
                position += 2
                state = .chunkSize
            case .trailers:
                let remaining = limits.maxHeaderBytes - head.headerBytes
                guard let line = try readLine(maxLength: remaining - 2, tooLong: .trailersTooLarge) else { return nil }
                head.headerBytes += line.count + 2
                if line.isEmpty {
                    state = .complete
                } else {
                    head.trailerCount += 1
                    guard head.fields.count + head.trailerCount <= limits.maxHeaderCount else { throw .trailersTooLarge }
                    _ = try Self.parseField(line)
                }
            case .complete:
                let request = head.request(body: body)
                body = []
                head = PartialHead()
                state = .requestLine(emptyLines: 0)
                return .request(request)
            }
        }
    }

    /// Decides how the body is framed once the head is complete (RFC 9112 §6.3), rejecting ambiguity.
    private mutating func framing() throws(HTTPParseError) -> State {
        var hosts = 0, lengths: [ArraySlice<UInt8>] = [], codings: [String] = []
        for field in head.fields {
            if HTTPHeaders.equalsIgnoringCase(field.name, "Host") { hosts += 1 }
            if HTTPHeaders.equalsIgnoringCase(field.name, "Content-Length") { lengths.append(ArraySlice(field.value.utf8)) }
            if HTTPHeaders.equalsIgnoringCase(field.name, "Transfer-Encoding") { codings.append(field.value) }
        }
        guard hosts == 1 || (hosts == 0 && head.version == .http1_0) else { throw .invalidHost }
        if !codings.isEmpty {
            guard head.version == .http1_1 else { throw .transferEncodingInHTTP10 }
            guard lengths.isEmpty else { throw .conflictingFraming }
            guard codings.count == 1, HTTPHeaders.equalsIgnoringCase(codings[0], "chunked") else { throw .unsupportedTransferEncoding }
            return .chunkSize
        }
        guard let length = lengths.first else { return .headComplete }
        guard lengths.count == 1, (1...18).contains(length.count),
              length.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let declared = Int(String(decoding: length, as: UTF8.self)) else { throw .invalidContentLength }
        guard declared <= limits.maxBodyBytes else { throw .bodyTooLarge }
        body.reserveCapacity(declared)
        return declared == 0 ? .headComplete : .body(remaining: declared)
    }

    /// Consumes one CRLF-terminated line (without its CRLF), or returns nil if it is not all here yet.
    private mutating func readLine(maxLength: Int, tooLong: HTTPParseError) throws(HTTPParseError) -> ArraySlice<UInt8>? {
        let end = min(buffer.count, position + max(maxLength, 0) + 2)
        guard let newline = buffer[position..<end].firstIndex(of: UInt8(ascii: "\n")) else {
            if end - position >= max(maxLength, 0) + 2 { throw tooLong }
            return nil
        }
        guard newline > position, buffer[newline - 1] == UInt8(ascii: "\r") else { throw .bareLineFeed }
        let line = buffer[position..<newline - 1]
        position = newline + 1
        return line
    }

    /// Parses `name: value`, trimming the value's surrounding whitespace.
    static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> (name: String, value: String) {
        let first = line[line.startIndex]
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { throw .obsoleteLineFolding }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .invalidHeader }
        let name = line[..<colon]
        guard !name.isEmpty, name.allSatisfy(HTTPSyntax.isTokenChar) else { throw .invalidHeader }
        var value = line[(colon + 1)...]
        guard value.allSatisfy(HTTPSyntax.isFieldValueChar) else { throw .invalidHeader }
        while let byte = value.first, byte == 0x20 || byte == 0x09 { value.removeFirst() }
        while let byte = value.last, byte == 0x20 || byte == 0x09 { value.removeLast() }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// Parses `1*HEXDIG [ BWS ";" chunk-ext ]`; at most 15 digits so the size cannot overflow.
    static func parseChunkSize(_ line: ArraySlice<UInt8>, maxExtensionLength: Int) throws(HTTPParseError) -> Int {
        let digitsEnd = line.firstIndex { HTTPSyntax.hexValue($0) == nil } ?? line.endIndex
        let digits = line[..<digitsEnd]
        guard (1...15).contains(digits.count) else { throw .invalidChunk }
        var extensionPart = line[digitsEnd...]
        while let byte = extensionPart.first, byte == 0x20 || byte == 0x09 { extensionPart.removeFirst() }
        if let first = extensionPart.first {
            guard first == UInt8(ascii: ";"), extensionPart.count <= maxExtensionLength + 1,
                  extensionPart.allSatisfy(HTTPSyntax.isFieldValueChar) else { throw .invalidChunk }
        }
        return digits.reduce(0) { $0 << 4 | Int(HTTPSyntax.hexValue($1)!) }
    }
}
