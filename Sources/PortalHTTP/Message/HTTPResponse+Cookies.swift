extension HTTPResponse {
    /// Adds a `Set-Cookie` header for `cookie`.
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }
}
