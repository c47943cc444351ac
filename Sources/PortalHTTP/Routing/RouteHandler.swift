/// Handles a request matched by a route; thrown errors go to the router's error responder.
public typealias RouteHandler = @Sendable (HTTPRequest, RouteParameters) throws -> HTTPResponse
