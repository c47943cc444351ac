import Testing
@testable import PortalHTTP

@Suite("Request parser: valid requests")
struct HTTPRequestParserTests {
    @Test func parsesSimpleGet() throws {
        let requests = try parseRequests("GET /demarches/carte-identite?commune=37123&q=cr%C3%A8che HTTP/1.1\r\nHost: portail\r\nAccept: */*\r\n\r\n")
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == .GET)
        #expect(request.path == "/demarches/carte-identite")
        #expect(request.query == "commune=37123&q=cr%C3%A8che")
        #expect(request.queryValue("q") == "crèche")
        #expect(request.version == .http1_1)
        #expect(request.headers["host"] == "portail")
        #expect(request.body.isEmpty)
    }

    @Test func sameResultWhenBytesArriveOneByOne() throws {
        let text = "POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
        let whole = try parseRequests(text)
        let drip = try parseRequests(text, byteByByte: true)
        #expect(whole.map(\.body) == [Array("hello".utf8)])
        #expect(drip.map(\.body) == whole.map(\.body))
    }

    @Test func parsesPipelinedRequestsInOrder() throws {
        let text = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhiGET /c HTTP/1.1\r\nHost: x\r\n\r\n"
        let requests = try parseRequests(text)
        #expect(requests.map(\.path) == ["/a", "/b", "/c"])
        #expect(requests[1].body == Array("hi".utf8))
    }

    @Test func decodesChunkedBodyWithExtensionsAndTrailers() throws {
        let text = "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\n\r\n"
        let requests = try parseRequests(text, byteByByte: true)
        #expect(requests.first.map { String(decoding: $0.body, as: UTF8.self) } == "hello world")
    }

    @Test func ignoresLeadingEmptyLines() throws {
        #expect(try parseRequests("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n").count == 1)
    }

    @Test func trimsFieldValueWhitespace() throws {
        let request = try #require(try parseRequests("GET / HTTP/1.1\r\nHost: x\r\nX-A: \t spaced value \t\r\n\r\n").first)
        #expect(request.headers["X-A"] == "spaced value")
    }

    @Test func acceptsHTTP10WithoutHost() throws {
        let request = try #require(try parseRequests("GET / HTTP/1.0\r\n\r\n").first)
        #expect(request.version == .http1_0)
    }

    @Test func acceptsAsteriskForOptions() throws {
        #expect(try parseRequests("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").first?.target == "*")
    }

    @Test func headEventPrecedesBody() throws {
        var parser = HTTPRequestParser()
        parser.append("PUT /f HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8)
        guard case .head(let head) = try parser.next() else { Issue.record("expected head"); return }
        #expect(head.expectsContinue)
        #expect(try parser.next() == nil)
        parser.append("abc".utf8)
        guard case .request(let request) = try parser.next() else { Issue.record("expected request"); return }
        #expect(request.body == Array("abc".utf8))
    }

    @Test func keepAliveSemantics() throws {
        let cases: [(String, Bool)] = [
            ("GET / HTTP/1.1\r\nHost: x\r\n\r\n", true),
            ("GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n", false),
            ("GET / HTTP/1.0\r\n\r\n", false),
            ("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true),
            ("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n", false),
        ]
        for (text, expected) in cases {
            #expect(try parseRequests(text).first?.keepAlive == expected, "\(text)")
        }
    }
}

@Suite("Request parser: rejections")
struct HTTPRequestParserRejectionTests {
    static let host = "Host: x\r\n"

    @Test func requestLineTooLongIs414() {
        var limits = HTTPParserLimits()
        limits.maxRequestLineLength = 64
        let error = parseError("GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\r\n\r\n", limits: limits)
        #expect(error == .requestLineTooLong)
        #expect(error?.status.code == 414)
        // Detected before the line ends: no need to wait for a CRLF that never comes.
        #expect(parseError("GET /" + String(repeating: "a", count: 100), limits: limits) == .requestLineTooLong)
    }

    @Test func oversizedHeaderSectionIs431() {
        var limits = HTTPParserLimits()
        limits.maxHeaderBytes = 100
        let error = parseError("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 200) + "\r\n\r\n", limits: limits)
        #expect(error == .headerSectionTooLarge)
        #expect(error?.status.code == 431)
    }

    @Test func tooManyHeadersIs431() {
        var limits = HTTPParserLimits()
        limits.maxHeaderCount = 5
        let fields = (0..<6).map { "X-\($0): v\r\n" }.joined()
        let error = parseError("GET / HTTP/1.1\r\n\(fields)\r\n", limits: limits)
        #expect(error == .tooManyHeaders)
        #expect(error?.status.code == 431)
    }

    @Test func declaredBodyOverLimitIs413AtHeadTime() {
        var limits = HTTPParserLimits()
        limits.maxBodyBytes = 10
        // No body byte sent yet: the head alone is enough to refuse.
        let error = parseError("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", limits: limits)
        #expect(error == .bodyTooLarge)
        #expect(error?.status.code == 413)
    }

    @Test func chunkedBodyOverLimitIs413() {
        var limits = HTTPParserLimits()
        limits.maxBodyBytes = 10
        let error = parseError("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n", limits: limits)
        #expect(error == .bodyTooLarge)
    }

    @Test(arguments: [
        ("BREW / HTTP/1.1\r\nHost: x\r\n\r\n", HTTPParseError.methodNotImplemented, 501),
        ("G(T / HTTP/1.1\r\nHost: x\r\n\r\n", .invalidMethod, 400),
        ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", .versionNotSupported, 505),
        ("GET / HTTP/3.0\r\nHost: x\r\n\r\n", .versionNotSupported, 505),
        ("GET / HTTP/1.2\r\nHost: x\r\n\r\n", .versionNotSupported, 505),
        ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", .versionNotSupported, 505),
        ("GET / HTTP/1.10\r\nHost: x\r\n\r\n", .malformedRequestLine, 400),
        ("GET / http/1.1\r\nHost: x\r\n\r\n", .malformedRequestLine, 400),
        ("GET / HTTP/1\r\nHost: x\r\n\r\n", .malformedRequestLine, 400),
        ("GET /\r\nHost: x\r\n\r\n", .malformedRequestLine, 400),
        ("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, 400),
        ("GET http://evil/ HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, 400),
        ("GET * HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, 400),
        ("GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, 400),
        ("GET /a%2 HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, 400),
        ("GET /a%00b HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, 400),
        ("GET /%c0%ae%c0%ae/etc HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, 400),
        ("GET /caf\u{e9} HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, 400),
    ])
    func requestLineErrors(text: String, expected: HTTPParseError, status: Int) {
        let error = parseError(text)
        #expect(error == expected)
        #expect(error?.status.code == status)
    }

    @Test(arguments: [
        // Request smuggling guards.
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", HTTPParseError.conflictingFraming),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1 2\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0x10\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", .unsupportedTransferEncoding),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n", .unsupportedTransferEncoding),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", .unsupportedTransferEncoding),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", .transferEncodingInHTTP10),
        // Chunk framing.
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .invalidChunk),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n", .invalidChunk),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0000000000000001\r\n", .invalidChunk),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n", .invalidChunk),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", .invalidChunk),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3 x\r\nabc\r\n", .invalidChunk),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;" + String(repeating: "e", count: 300) + "\r\n", .invalidChunk),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer: x\r\n\r\n", .invalidHeader),
        // Field syntax.
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n folded\r\n\r\n", .obsoleteLineFolding),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A : a\r\n\r\n", .invalidHeader),
        ("GET / HTTP/1.1\r\nHost: x\r\nX(A): a\r\n\r\n", .invalidHeader),
        ("GET / HTTP/1.1\r\nHost: x\r\n: a\r\n\r\n", .invalidHeader),
        ("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", .invalidHeader),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\n\r\n", .invalidHeader),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", .invalidHeader),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{1}b\r\n\r\n", .invalidHeader),
        ("GET / HTTP/1.1\nHost: x\n\n", .bareLineFeed),
        ("GET / HTTP/1.1\r\nHost: x\n\r\n", .bareLineFeed),
        // Host.
        ("GET / HTTP/1.1\r\n\r\n", .invalidHost),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", .invalidHost),
        // Leading empty lines are bounded.
        ("\r\n\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", .tooManyEmptyLines),
    ])
    func framingAndFieldErrors(text: String, expected: HTTPParseError) {
        #expect(parseError(text) == expected)
    }

    @Test func smugglingAndSyntaxErrorsAre400OrDocumented501() {
        #expect(HTTPParseError.conflictingFraming.status == .badRequest)
        #expect(HTTPParseError.invalidContentLength.status == .badRequest)
        #expect(HTTPParseError.unsupportedTransferEncoding.status == .notImplemented)
        #expect(HTTPParseError.invalidChunk.status == .badRequest)
        #expect(HTTPParseError.obsoleteLineFolding.status == .badRequest)
    }

    @Test func trailersAreBounded() {
        var limits = HTTPParserLimits()
        limits.maxHeaderCount = 3
        let trailers = (0..<5).map { "T-\($0): v\r\n" }.joined()
        let error = parseError("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\(trailers)\r\n", limits: limits)
        #expect(error == .trailersTooLarge)
        #expect(error?.status.code == 431)
    }

    @Test func errorIsStickyAfterFailure() {
        var parser = HTTPRequestParser()
        parser.append("GET / HTTP/9.9\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        #expect(throws: HTTPParseError.versionNotSupported) { try parser.next() }
        #expect(throws: HTTPParseError.versionNotSupported) { try parser.next() }
    }

    @Test func randomGarbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var parser = HTTPRequestParser()
            let bytes = (0..<Int.random(in: 1...600, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            parser.append(bytes)
            while (try? parser.next()) != nil {}
        }
    }
}
