import Foundation
import Testing
import PortalHTTP
import PortalTestSupport

extension HTTPServerTests {
    /// A portal-like router over real sockets: pages, parameters, static files, gzip.
    static func portalRouter(assets: StaticFiles) -> Router<BasicRouterContext> {
        var builder = RouterBuilder<BasicRouterContext>()
        builder.get("/demarches/{slug}") { request, context in
            HTTPResponse.html("<h1>\(context.parameters["slug"] ?? "")</h1>" + String(repeating: "<p>Texte</p>", count: 200))
                .compressedIfAccepted(by: request)
        }
        builder.post("/formulaire") { request, _ in
            let form = try URLEncodedForm.decode(request.body)
            return .text("Bonjour \(form["nom"] ?? "?")")
        }
        builder.get("/static/*") { request, context in
            guard let response = assets.response(for: request, relativePath: context.parameters["*"] ?? "") else { throw HTTPError(.notFound) }
            return response
        }
        return builder.build { _, error in
            let error = error as? any HTTPResponseError
            var response = HTTPResponse.text("Erreur \(error?.status.code ?? 500)", status: error?.status ?? .internalServerError)
            for (name, value) in error?.headers ?? HTTPHeaders() { response.headers[name] = value }
            return response
        }
    }

    @Test func routesParametersMethodsAndForms() throws {
        let folder = try AssetFolder()
        let running = try RunningServer(responder: Self.portalRouter(assets: try StaticFiles(directory: folder.url)))
        let client = try running.client()
        try client.send("GET /demarches/carte-identite HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text.hasPrefix("<h1>carte-identite</h1>"))
        try client.send("HEAD /demarches/carte-identite HTTP/1.1\r\nHost: x\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == String("<h1>carte-identite</h1>".utf8.count + 200 * 12))
        try client.send("DELETE /demarches/x HTTP/1.1\r\nHost: x\r\n\r\n")
        let refused = try client.readResponse()
        #expect(refused.status == 405)
        #expect(refused.header("Allow") == "GET, HEAD")
        try client.send("POST /formulaire HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 21\r\n\r\nnom=Ren%C3%A9e+Dupont")
        #expect(try client.readResponse().text == "Bonjour Renée Dupont")
        try client.send("POST /formulaire HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nnom=%G")
        #expect(try client.readResponse().status == 400)
        try client.send("GET /ailleurs HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().status == 404)
    }

    @Test func gzipRoundTripOverTheWire() throws {
        let folder = try AssetFolder()
        let running = try RunningServer(responder: Self.portalRouter(assets: try StaticFiles(directory: folder.url)))
        let client = try running.client()
        try client.send("GET /demarches/piscine HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Content-Encoding") == "gzip")
        #expect(response.header("Vary") == "Accept-Encoding")
        let html = try #require(Gzip.decompress(response.body))
        #expect(String(decoding: html, as: UTF8.self).hasPrefix("<h1>piscine</h1>"))
    }

    @Test func staticFilesCachingOverTheWire() throws {
        let folder = try AssetFolder()
        let assets = try StaticFiles(directory: folder.url)
        let running = try RunningServer(responder: Self.portalRouter(assets: assets))
        let client = try running.client()
        try client.send("GET \(assets.url(for: "portal.css")) HTTP/1.1\r\nHost: x\r\n\r\n")
        let first = try client.readResponse()
        #expect(first.status == 200)
        #expect(first.text == folder.css)
        #expect(first.header("Cache-Control") == "public, max-age=31536000, immutable")
        let etag = try #require(first.header("ETag"))
        try client.send("GET /static/portal.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(etag)\r\n\r\n")
        let second = try client.readResponse()
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(second.header("Cache-Control") == "no-cache")
        // The connection is still in sync after a bodiless 304.
        try client.send("GET /static/js/app.js HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text == "console.log('ok')")
    }

    @Test(arguments: [
        ("/static/../Package.swift", 404),
        ("/static/%2e%2e/%2e%2e/etc/passwd", 404),
        ("/static/js%2f..%2f..%2fportal.css", 404),
        ("/static/%252e%252e/portal.css", 404),
        ("/static/..%5cportal.css", 404),
        ("/static/%c0%ae%c0%ae/portal.css", 400),
        ("/static/portal.css%00.png", 400),
    ])
    func traversalAttemptsAreRefused(target: String, status: Int) throws {
        let folder = try AssetFolder()
        let running = try RunningServer(responder: Self.portalRouter(assets: try StaticFiles(directory: folder.url)))
        let response = try RawHTTPClient.exchange(port: running.port, "GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response.status == status)
        #expect(!response.text.contains("font-family"))
    }
}
