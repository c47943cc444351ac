import PortalHTTP

/// Gzips responses for browsers that accept it (see ``HTTPResponse/compressedIfAccepted(by:)``).
struct Compression: RouterMiddleware {
    func handle(_ request: HTTPRequest, context: RequestContext, next: RouteHandler<RequestContext>) throws -> HTTPResponse {
        try next(request, context).compressedIfAccepted(by: request)
    }
}
