/// A listening socket bound before its server is created, so that the port the system chose
/// (when asked for port 0) is known to what the responder is built from — the portal's own
/// address, for instance. Give it to one ``HTTPServer``, which owns it from then on.
public struct HTTPListener: Sendable {
    let descriptor: Int32
    /// The bound port.
    public let port: Int

    /// Binds `host`:`port` (0 picks a free port) and listens.
    public static func bind(host: String, port: Int) throws -> HTTPListener {
        let (descriptor, bound) = try Socket.listen(host: host, port: port)
        return HTTPListener(descriptor: descriptor, port: bound)
    }
}
