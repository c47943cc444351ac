extension HTTPRequest {
    /// The query's `application/x-www-form-urlencoded` fields in order (`+` is a space).
    /// Malformed escapes are kept literally rather than rejected.
    public var queryItems: [(name: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        return URLEncodedForm.lenientFields(query.utf8)
    }

    /// The first value of the query field `name`, or nil.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
