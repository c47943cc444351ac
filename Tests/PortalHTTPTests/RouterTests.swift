import Testing
@testable import PortalHTTP

@Suite("Router")
struct RouterTests {
    struct Refused: HTTPResponseError {
        var status: HTTPStatus { .forbidden }
    }

    static func router() -> Router {
        var builder = RouterBuilder()
        builder.get("/") { _, _ in .text("accueil") }
        builder.get("/demarches") { _, _ in .text("catalogue") }
        builder.get("/demarches/{slug}") { _, parameters in .text("démarche \(parameters["slug"] ?? "?")") }
        builder.get("/demarches/recherche") { _, _ in .text("recherche") }
        builder.post("/demarches/{slug}") { request, parameters in .text("posted \(parameters["slug"]!) \(request.body.count)") }
        builder.get("/communes/{insee}/demarches/{slug}") { _, p in .text("\(p["insee"]!)/\(p["slug"]!)") }
        builder.get("/static/*") { _, parameters in .text("file \(parameters["*"] ?? "")") }
        builder.get("/interdit") { _, _ in throw Refused() }
        return builder.build { _, error in
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            return .text("erreur \(status.code)", status: status)
        }
    }

    func respond(_ method: HTTPMethod, _ target: String) -> HTTPResponse {
        Self.router().respond(to: HTTPRequest(method: method, target: target))
    }

    @Test func matchesLiteralsAndParameters() {
        #expect(respond(.GET, "/").body == Array("accueil".utf8))
        #expect(respond(.GET, "/demarches").body == Array("catalogue".utf8))
        #expect(respond(.GET, "/demarches/").body == Array("catalogue".utf8))
        #expect(respond(.GET, "/demarches/carte-grise").body == Array("démarche carte-grise".utf8))
        #expect(respond(.GET, "/demarches/cr%C3%A8che?x=1").body == Array("démarche crèche".utf8))
        #expect(respond(.GET, "/communes/37123/demarches/piscine").body == Array("37123/piscine".utf8))
    }

    @Test func literalSegmentsBeatParameters() {
        #expect(respond(.GET, "/demarches/recherche").body == Array("recherche".utf8))
    }

    @Test func prefixRouteExposesTheRest() {
        #expect(respond(.GET, "/static/css/portal.css").body == Array("file css/portal.css".utf8))
    }

    @Test func headUsesGetHandler() {
        let response = respond(.HEAD, "/demarches")
        #expect(response.status == .ok)
        #expect(response.body == Array("catalogue".utf8))
    }

    @Test func wrongMethodIs405WithAllow() {
        let response = respond(.DELETE, "/demarches/x")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, POST")
        #expect(respond(.POST, "/").headers["Allow"] == "GET, HEAD")
    }

    @Test func unknownPathGoesToErrorResponderAs404() {
        let response = respond(.GET, "/nulle-part")
        #expect(response.status == .notFound)
        #expect(response.body == Array("erreur 404".utf8))
        #expect(respond(.GET, "/demarches/a/b").status == .notFound)
    }

    @Test func thrownErrorsKeepTheirStatus() {
        #expect(respond(.GET, "/interdit").status == .forbidden)
    }
}
