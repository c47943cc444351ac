/// Handles a request matched by a route; thrown errors go back through the middleware to the error mapping.
public typealias RouteHandler<Context: RouterContext> = @Sendable (HTTPRequest, Context) throws -> HTTPResponse
