import Testing
@testable import PortalHTTP

@Suite("Router")
struct RouterTests {
    struct Refused: HTTPResponseError {
        var status: HTTPStatus { .forbidden }
    }

    static func router() -> Router<BasicRouterContext> {
        var builder = RouterBuilder<BasicRouterContext>()
        builder.get("/") { _, _ in .text("accueil") }
        builder.get("/demarches") { _, _ in .text("catalogue") }
        builder.get("/demarches/{slug}") { _, context in .text("démarche \(context.parameters["slug"] ?? "?")") }
        builder.get("/demarches/recherche") { _, _ in .text("recherche") }
        builder.post("/demarches/{slug}") { request, context in .text("posted \(context.parameters["slug"]!) \(request.body.count)") }
        builder.get("/communes/{insee}/demarches/{slug}") { _, context in
            .text("\(context.parameters["insee"]!)/\(context.parameters["slug"]!)")
        }
        builder.get("/static/*") { _, context in .text("file \(context.parameters["*"] ?? "")") }
        builder.get("/interdit") { _, _ in throw Refused() }
        return builder.build { _, error in
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            var response = HTTPResponse.text("erreur \(status.code)", status: status)
            for (name, value) in (error as? any HTTPResponseError)?.headers ?? HTTPHeaders() { response.headers[name] = value }
            return response
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

    @Test func unknownPathGoesToTheErrorMappingAs404() {
        let response = respond(.GET, "/nulle-part")
        #expect(response.status == .notFound)
        #expect(response.body == Array("erreur 404".utf8))
        #expect(respond(.GET, "/demarches/a/b").status == .notFound)
    }

    @Test func thrownErrorsKeepTheirStatus() {
        #expect(respond(.GET, "/interdit").status == .forbidden)
    }

    @Test func theRouterListsEveryRoute() {
        let routes = Self.router().routes.map(\.description)
        #expect(routes.contains("GET /demarches/{slug}"))
        #expect(routes.contains("POST /demarches/{slug}"))
        #expect(routes.count == 8)
    }
}
