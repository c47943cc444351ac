// libFuzzer target for `HTTPRequestParser`. Built by `scripts/fuzz` into the PortalHTTP module itself
// (the sources are compiled together with this file), so internal API is reachable without @testable.
//
// Invariants checked, beyond "no crash":
// - feeding the input whole, split at one point, or in small slices gives the same events and error;
// - events come as head, request, head, request…; a head has an empty body and the same head as its request;
// - errors carry a 4xx or 5xx status, and stay: the parser keeps throwing the same error afterwards;
// - a request with Content-Length has a body of exactly that many bytes; one with neither
//   Content-Length nor Transfer-Encoding has an empty body; never both;
// - a parsed request's decoded path has no NUL and the target is origin-form or `*`;
// - re-serialising a request (method, target, version, headers, body with a Content-Length) and
//   parsing it again gives exactly one request, equal to the first.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ParserFuzzCheck.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum ParserFuzzCheck {
    /// Limits small enough for the fuzzer to reach each of them within `-max_len`.
    static let limits: HTTPParserLimits = {
        var limits = HTTPParserLimits()
        limits.maxRequestLineLength = 512
        limits.maxHeaderBytes = 1024
        limits.maxHeaderCount = 16
        limits.maxBodyBytes = 2048
        limits.maxChunkExtensionLength = 32
        limits.maxLeadingEmptyLines = 4
        return limits
    }()

    /// A request reduced to comparable bytes.
    struct Snapshot: Equatable {
        var method: HTTPMethod
        var target: [UInt8]
        var version: HTTPVersion
        var headers: [[UInt8]]
        var body: [UInt8]

        init(_ request: HTTPRequest) {
            method = request.method
            target = Array(request.target.utf8)
            version = request.version
            headers = request.headers.map { Array($0.name.utf8) + [0] + Array($0.value.utf8) }
            body = request.body
        }
    }

    enum Event: Equatable {
        case head(Snapshot)
        case request(Snapshot)
    }

    struct Outcome: Equatable {
        var events: [Event] = []
        var requests: [HTTPRequest] = []
        var error: HTTPParseError?

        static func == (lhs: Outcome, rhs: Outcome) -> Bool {
            lhs.events == rhs.events && lhs.error == rhs.error
        }
    }

    static func run(_ bytes: [UInt8]) {
        let whole = parse([bytes[...]], limits: limits)
        checkEvents(whole)

        // The same bytes split at a point derived from the input.
        let hash = fnv1a(bytes)
        let split = Int(hash % UInt64(bytes.count + 1))
        let halves = parse([bytes[..<split], bytes[split...]], limits: limits)
        require(halves == whole, "split at \(split) changes the result: \(halves.error.map { "\($0)" } ?? "no error") vs \(whole.error.map { "\($0)" } ?? "no error"), \(halves.events.count) vs \(whole.events.count) events")

        // The same bytes in slices of 1 to 8 bytes.
        let step = Int((hash >> 32) % 8) + 1
        let slices = stride(from: 0, to: bytes.count, by: step).map { bytes[$0..<min($0 + step, bytes.count)] }
        let sliced = parse(slices, limits: limits)
        require(sliced == whole, "slices of \(step) bytes change the result")

        for request in whole.requests { checkRoundTrip(request) }
    }

    /// Feeds `chunks` one after the other, collecting events until the first error.
    static func parse(_ chunks: [ArraySlice<UInt8>], limits: HTTPParserLimits) -> Outcome {
        var parser = HTTPRequestParser(limits: limits)
        var outcome = Outcome()
        for chunk in chunks {
            parser.append(chunk)
            do {
                while let event = try parser.next() {
                    switch event {
                    case .head(let request): outcome.events.append(.head(Snapshot(request)))
                    case .request(let request):
                        outcome.events.append(.request(Snapshot(request)))
                        outcome.requests.append(request)
                    }
                }
            } catch {
                require((400...599).contains(error.status.code), "error \(error) has status \(error.status.code)")
                // The error sticks, even when more bytes arrive.
                parser.append([UInt8(ascii: "\r"), UInt8(ascii: "\n")])
                do {
                    _ = try parser.next()
                    fatalError("parser recovered after \(error)")
                } catch let again {
                    require(again == error, "error changed from \(error) to \(again)")
                }
                outcome.error = error
                return outcome
            }
        }
        return outcome
    }

    static func checkEvents(_ outcome: Outcome) {
        var pendingHead: Snapshot?
        for event in outcome.events {
            switch event {
            case .head(let head):
                require(pendingHead == nil, "two heads without a request between them")
                require(head.body.isEmpty, "a head event carries a body")
                pendingHead = head
            case .request(let request):
                guard let head = pendingHead else { fatalError("a request without its head event") }
                var withoutBody = request
                withoutBody.body = []
                require(withoutBody == head, "a request differs from its head event")
                pendingHead = nil
            }
        }
        for request in outcome.requests {
            let lengths = request.headers.values("Content-Length")
            let codings = request.headers.values("Transfer-Encoding")
            require(lengths.isEmpty || codings.isEmpty, "both Content-Length and Transfer-Encoding accepted")
            require(lengths.count <= 1, "several Content-Length accepted")
            if let length = lengths.first {
                guard let declared = Int(length) else { fatalError("Content-Length \(length) accepted") }
                require(request.body.count == declared, "body of \(request.body.count) bytes for Content-Length \(declared)")
            } else if codings.isEmpty {
                require(request.body.isEmpty, "a body without framing")
            }
            require(request.body.count <= limits.maxBodyBytes, "body over the limit")
            require(request.headers.count <= limits.maxHeaderCount, "too many headers accepted")
            if request.target == "*" {
                require(request.method == .OPTIONS, "* target for \(request.method)")
            } else {
                require(request.target.hasPrefix("/"), "target not in origin-form")
                require(request.path.hasPrefix("/"), "decoded path does not start with /")
                require(!request.path.utf8.contains(0), "decoded path contains NUL")
            }
        }
    }

    /// The request as a client would send it, framed with Content-Length.
    static func serialize(_ request: HTTPRequest) -> [UInt8] {
        var bytes = Array("\(request.method.rawValue) \(request.target) ".utf8)
        bytes += Array((request.version == .http1_1 ? "HTTP/1.1\r\n" : "HTTP/1.0\r\n").utf8)
        var framed = false
        for (name, value) in request.headers {
            if isFraming(name) { framed = true; continue }
            bytes += Array("\(name): \(value)\r\n".utf8)
        }
        if framed || !request.body.isEmpty { bytes += Array("Content-Length: \(request.body.count)\r\n".utf8) }
        bytes += Array("\r\n".utf8)
        return bytes + request.body
    }

    static func isFraming(_ name: String) -> Bool {
        HTTPHeaders.equalsIgnoringCase(name, "Content-Length") || HTTPHeaders.equalsIgnoringCase(name, "Transfer-Encoding")
    }

    static func checkRoundTrip(_ request: HTTPRequest) {
        // Default limits: the serialised head may be a little longer (`name: value` with a space).
        let again = parse([serialize(request)[...]], limits: HTTPParserLimits())
        require(again.error == nil, "re-serialised request rejected: \(again.error!)")
        require(again.requests.count == 1, "re-serialised request parsed as \(again.requests.count) requests")
        var expected = Snapshot(request)
        var actual = Snapshot(again.requests[0])
        expected.headers.removeAll { isFraming(String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)) }
        actual.headers.removeAll { isFraming(String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)) }
        require(actual == expected, "re-serialised request parses differently")
        require(again.requests[0].path == request.path && again.requests[0].query == request.query, "path or query changed")
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

/// `precondition` whose message survives `-O`, so libFuzzer's report says which invariant broke.
private func require(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) {
    if !condition { fatalError(message(), line: line) }
}
