import Testing
@testable import PortalHTTP
import PortalTestSupport

extension HTTPResponse {
    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Middleware and groups, without sockets: order, prefixes, short-circuits, a context built once.
@Suite struct RouterMiddlewareTests {
    /// A context that records which middleware it went through.
    struct TraceContext: RouterContext {
        var parameters = RouteParameters()
        var trace: [String] = []
        let builtFor: String
    }

    /// Adds its name to the trace on the way in, and to a header on the way out.
    struct Mark: RouterMiddleware {
        let name: String

        func handle(_ request: HTTPRequest, context: TraceContext, next: RouteHandler<TraceContext>) throws -> HTTPResponse {
            var context = context
            context.trace.append(name)
            var response = try next(request, context)
            response.headers.add("X-Out", name)
            return response
        }
    }

    /// Answers 401 without calling the rest when the request has no `X-User`.
    struct RequireUser: RouterMiddleware {
        func handle(_ request: HTTPRequest, context: TraceContext, next: RouteHandler<TraceContext>) throws -> HTTPResponse {
            guard request.headers["X-User"] != nil else { return .text("connectez-vous", status: .unauthorized) }
            return try next(request, context)
        }
    }

    /// Turns errors into responses, as the portal's error pages do.
    struct Errors: RouterMiddleware {
        func handle(_ request: HTTPRequest, context: TraceContext, next: RouteHandler<TraceContext>) throws -> HTTPResponse {
            do {
                return try next(request, context)
            } catch {
                return .text("erreur \((error as? any HTTPResponseError)?.status.code ?? 500) via \(context.trace)",
                             status: (error as? any HTTPResponseError)?.status ?? .internalServerError)
            }
        }
    }

    static func router(contextsBuilt: Box<Int>) -> Router<TraceContext> {
        var builder = RouterBuilder<TraceContext>()
        builder.add(middleware: Mark(name: "outer"))
        builder.add(middleware: Errors())
        builder.get("/public") { _, context in .text("\(context.trace)") }
        builder.group("/agent", middleware: [Mark(name: "agent"), RequireUser()]) { agent in
            agent.get("") { _, context in .text("home \(context.trace)") }
            agent.get("/dossiers/{id}") { _, context in .text("dossier \(context.parameters["id"]!) \(context.trace)") }
            agent.group("/factures", middleware: [Mark(name: "invoices")]) { invoices in
                invoices.post("/{id}/annulation") { _, context in .text("annulée \(context.parameters["id"]!) \(context.trace)") }
            }
            agent.get("/erreur") { _, _ in throw HTTPError(.conflict) }
        }
        return builder.build(context: { request in
            contextsBuilt.update { $0 += 1 }
            return TraceContext(builtFor: request.path)
        })
    }

    @Test func middlewareRunsOutermostFirstAndGroupsInsideTheBuilders() {
        let built = Box(0)
        let router = Self.router(contextsBuilt: built)
        let home = router.respond(to: HTTPRequest(method: .GET, target: "/agent", headers: HTTPHeaders([("X-User", "a")])))
        #expect(home.text == #"home ["outer", "agent"]"#)
        #expect(home.headers.values("X-Out") == ["agent", "outer"])
        let invoice = router.respond(to: HTTPRequest(method: .POST, target: "/agent/factures/7/annulation",
                                                     headers: HTTPHeaders([("X-User", "a")])))
        #expect(invoice.text == #"annulée 7 ["outer", "agent", "invoices"]"#)
        #expect(built.current == 2, "one context per request")
    }

    @Test func aGroupsMiddlewareCanAnswerAlone() {
        let router = Self.router(contextsBuilt: Box(0))
        let refused = router.respond(to: HTTPRequest(method: .GET, target: "/agent/dossiers/3"))
        #expect(refused.status == .unauthorized)
        #expect(refused.text == "connectez-vous")
        #expect(router.respond(to: HTTPRequest(method: .GET, target: "/public")).text == #"["outer"]"#)
    }

    @Test func unknownPathsWrongMethodsAndThrownErrorsGoThroughTheBuildersMiddleware() {
        let router = Self.router(contextsBuilt: Box(0))
        let missing = router.respond(to: HTTPRequest(method: .GET, target: "/nulle-part"))
        #expect(missing.status == .notFound)
        #expect(missing.text == #"erreur 404 via ["outer"]"#)
        #expect(missing.headers.values("X-Out") == ["outer"])
        #expect(router.respond(to: HTTPRequest(method: .DELETE, target: "/public")).status == .methodNotAllowed)
        let conflict = router.respond(to: HTTPRequest(method: .GET, target: "/agent/erreur", headers: HTTPHeaders([("X-User", "a")])))
        #expect(conflict.status == .conflict)
    }

    @Test func routesAreListedWithTheirWholePattern() {
        let routes = Self.router(contextsBuilt: Box(0)).routes.map(\.description)
        #expect(routes == ["GET /public", "GET /agent", "GET /agent/dossiers/{id}", "POST /agent/factures/{id}/annulation", "GET /agent/erreur"])
    }
}
