import PortalHTTP

extension RouteParameters {
    /// The numeric route parameter `name`; a page that does not exist otherwise.
    func id(_ name: String) throws -> Int64 {
        guard let id = self[name].flatMap(Int64.init) else { throw PageNotFound() }
        return id
    }
}
