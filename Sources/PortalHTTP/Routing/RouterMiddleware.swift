/// Code around the handlers: it sees the request and context on the way in, and the response (or the
/// error) on the way out. It may answer by itself without calling `next`, or call it with a changed
/// context.
///
/// Middleware added to a ``RouterBuilder`` runs for every request, unknown paths included; middleware
/// of a ``RouterGroup`` runs for that group's routes only, inside the builder's.
public protocol RouterMiddleware<Context>: Sendable {
    associatedtype Context: RouterContext

    /// Handles `request`; `next` runs the rest of the chain.
    func handle(_ request: HTTPRequest, context: Context, next: RouteHandler<Context>) throws -> HTTPResponse
}

extension Array {
    /// `handler` wrapped in these middlewares, the first one outermost.
    func wrapping<Context>(_ handler: @escaping RouteHandler<Context>) -> RouteHandler<Context>
    where Element == any RouterMiddleware<Context> {
        reversed().reduce(handler) { next, middleware in
            { request, context in try middleware.handle(request, context: context, next: next) }
        }
    }
}
