import Testing
@testable import PortalHTTP

@Suite("Headers, requests and response serialization")
struct MessageTests {
    @Test func headersAreCaseInsensitiveAndOrdered() {
        var headers = HTTPHeaders([("Set-Cookie", "a=1"), ("Content-Type", "text/plain")])
        headers.add("set-cookie", "b=2")
        #expect(headers["SET-COOKIE"] == "a=1")
        #expect(headers.values("Set-Cookie") == ["a=1", "b=2"])
        headers["set-cookie"] = "c=3"
        #expect(headers.values("Set-Cookie") == ["c=3"])
        headers["Content-Type"] = nil
        #expect(!headers.contains("content-type"))
    }

    @Test func headerInjectionIsImpossible() {
        var headers = HTTPHeaders()
        headers["Location"] = "/ok\r\nSet-Cookie: evil=1"
        headers.add("X-Null", "a\u{0}b\u{7F}c\td")
        headers.add("Bad Name", "x")
        headers.add("Bad\r\nName", "x")
        #expect(headers["Location"] == "/okSet-Cookie: evil=1")
        #expect(headers["X-Null"] == "abc\td")
        #expect(headers.count == 2)
        let bytes = HTTPResponse(headers: headers).serialized(date: "d", includeBody: true, connection: nil)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\r\nSet-Cookie"))
        #expect(text.components(separatedBy: "\r\n").count == 7)
    }

    @Test func serverManagedHeadersCannotBeOverridden() {
        var response = HTTPResponse.text("abc")
        response.headers["Content-Length"] = "999"
        response.headers["Transfer-Encoding"] = "chunked"
        let text = String(decoding: response.serialized(date: "d", includeBody: true, connection: "close"), as: UTF8.self)
        #expect(text == "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nDate: d\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
    }

    @Test func statusesCompareByCode() {
        #expect(HTTPStatus(code: 404, reason: "Introuvable") == .notFound)
        #expect(HTTPStatus(code: 404, reason: "x\r\nSet-Cookie: a=b").reason == "xSet-Cookie: a=b")
        #expect(HTTPStatus.forbidden != .notFound)
    }

    @Test func responseShortcuts() {
        #expect(HTTPResponse.html("<p>").headers["Content-Type"] == "text/html; charset=utf-8")
        let redirect = HTTPResponse.redirect(to: "/mon-espace")
        #expect(redirect.status == .seeOther)
        #expect(redirect.headers["Location"] == "/mon-espace")
    }

    @Test func requestDerivesPathAndQueryFromTarget() {
        var request = HTTPRequest(method: .GET, target: "/communes/Cl%C3%A9r%C3%A9?x=1&y=a+b&z=%E2%82%AC&flag")
        #expect(request.path == "/communes/Cléré")
        #expect(request.query == "x=1&y=a+b&z=%E2%82%AC&flag")
        #expect(request.queryValue("y") == "a b")
        #expect(request.queryValue("z") == "€")
        #expect(request.queryItems.map(\.name) == ["x", "y", "z", "flag"])
        #expect(request.queryValue("missing") == nil)
        request.target = "/other"
        #expect(request.path == "/other")
        #expect(request.query == nil)
    }

    @Test func imfFixdateRoundTrip() {
        #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("garbage") == nil)
    }
}
