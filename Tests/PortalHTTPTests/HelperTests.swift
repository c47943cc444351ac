import Foundation
import Testing
@testable import PortalHTTP

@Suite("Forms, cookies, gzip")
struct HelperTests {
    @Test func decodesURLEncodedForm() throws {
        let form = try URLEncodedForm.decode("nom=Dupont&pr%C3%A9nom=Ren%C3%A9e+Marie&enfant=Léo&enfant=Zoé&vide=&seul".utf8)
        #expect(form["nom"] == "Dupont")
        #expect(form["prénom"] == "Renée Marie")
        #expect(form.values("enfant") == ["Léo", "Zoé"])
        #expect(form["vide"] == "")
        #expect(form["seul"] == "")
        #expect(form.fields.count == 6)
    }

    @Test(arguments: ["a=%zz", "a=%E", "a=%C3%28", "%FF=1"])
    func malformedFormIs400(body: String) {
        #expect(throws: HTTPError.self) { try URLEncodedForm.decode(body.utf8) }
        do { _ = try URLEncodedForm.decode(body.utf8) } catch let error as HTTPError { #expect(error.status == .badRequest) } catch {}
    }

    @Test func formFieldCountIsLimited() {
        let body = (0...URLEncodedForm.maxFieldCount).map { "f\($0)=1" }.joined(separator: "&")
        #expect(throws: HTTPError(.payloadTooLarge, message: "too many form fields")) { try URLEncodedForm.decode(body.utf8) }
    }

    @Test func parsesCookiesTolerantly() {
        let cookies = Cookies.parse("session=abc; theme=\"dark\"; session=second; junk; =novalue;  lang = fr ;")
        #expect(cookies == ["session": "abc", "theme": "dark", "lang": "fr"])
        #expect(Cookies.parse("").isEmpty)
        #expect(Cookies.parse(";;;=;=").isEmpty)
    }

    @Test func setCookieHeaderIsSafe() {
        let cookie = SetCookie(name: "sid", value: "abc", maxAge: 3600, secure: true, sameSite: .strict)
        #expect(cookie.headerValue == "sid=abc; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict")
        let forged = SetCookie(name: "a;b", value: "x; Domain=evil\r\n", path: "/;x")
        #expect(forged.headerValue == "ab=xDomain=evil; Path=/x; HttpOnly; SameSite=Lax")
        var response = HTTPResponse()
        response.setCookie(SetCookie(name: "n", value: "v", httpOnly: false, sameSite: SetCookie.SameSite.none))
        #expect(response.headers["Set-Cookie"] == "n=v; Path=/; Secure; SameSite=None")
    }

    @Test func gzipRoundTripsThroughZlibAndTheGzipTool() throws {
        let original = Array(String(repeating: "Portail citoyen CCTOVAL — démarches en ligne. ", count: 200).utf8)
        let compressed = Gzip.compress(original)
        #expect(compressed.starts(with: [0x1F, 0x8B]))
        #expect(compressed.count < original.count / 5)
        #expect(Gzip.decompress(compressed) == original)
        #expect(Gzip.decompress([1, 2, 3]) == nil)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gzip-\(UUID().uuidString).gz")
        try Data(compressed).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -dc '\(file.path)'"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(Array(output) == original)
    }

    @Test func compressesOnlyWhenAcceptedAndWorthIt() {
        let page = HTTPResponse.html(String(repeating: "<p>Bonjour</p>", count: 200))
        func request(_ acceptEncoding: String?) -> HTTPRequest {
            var headers = HTTPHeaders()
            if let acceptEncoding { headers["Accept-Encoding"] = acceptEncoding }
            return HTTPRequest(method: .GET, target: "/", headers: headers)
        }
        let gzipped = page.compressedIfAccepted(by: request("gzip, deflate, br"))
        #expect(gzipped.headers["Content-Encoding"] == "gzip")
        #expect(gzipped.headers["Vary"] == "Accept-Encoding")
        #expect(Gzip.decompress(gzipped.body) == page.body)
        #expect(page.compressedIfAccepted(by: request("*")).headers["Content-Encoding"] == "gzip")
        #expect(page.compressedIfAccepted(by: request("deflate, gzip;q=0.5")).headers["Content-Encoding"] == "gzip")

        for refused in [nil, "gzip;q=0", "br", "*;q=0", "gzip;q=0, *"] {
            let plain = page.compressedIfAccepted(by: request(refused))
            #expect(plain.headers["Content-Encoding"] == nil, "\(refused ?? "none")")
            #expect(plain.headers["Vary"] == "Accept-Encoding")
            #expect(plain.body == page.body)
        }
        let small = HTTPResponse.html("<p>court</p>").compressedIfAccepted(by: request("gzip"))
        #expect(small.headers["Content-Encoding"] == nil)
        let image = HTTPResponse(headers: HTTPHeaders([("Content-Type", "image/png")]), body: Array(repeating: 0, count: 5000))
        #expect(image.compressedIfAccepted(by: request("gzip")).headers["Vary"] == nil)
    }
}
