/// A `Set-Cookie` response header (RFC 6265 §4.1).
public struct SetCookie: Sendable, Hashable {
    /// The `SameSite` attribute.
    public enum SameSite: String, Sendable, Hashable {
        /// Sent on top-level navigations from other sites.
        case lax = "Lax"
        /// Never sent from other sites.
        case strict = "Strict"
        /// Always sent (requires `Secure`).
        case none = "None"
    }

    /// The cookie name (a token; other characters are dropped).
    public var name: String
    /// The value (cookie-octets only; other characters are dropped).
    public var value: String
    /// The `Path` attribute.
    public var path: String
    /// The `Max-Age` attribute in seconds; nil for a session cookie, 0 to delete.
    public var maxAge: Int?
    /// The `HttpOnly` attribute.
    public var httpOnly: Bool
    /// The `Secure` attribute.
    public var secure: Bool
    /// The `SameSite` attribute.
    public var sameSite: SameSite?

    /// Creates a cookie; by default `HttpOnly`, `SameSite=Lax`, for the whole site.
    public init(
        name: String, value: String, path: String = "/", maxAge: Int? = nil,
        httpOnly: Bool = true, secure: Bool = false, sameSite: SameSite? = .lax
    ) {
        self.name = name
        self.value = value
        self.path = path
        self.maxAge = maxAge
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// The header value, e.g. `sid=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax`.
    /// Characters not allowed in a name, value or path are dropped, so the header cannot be split or forged.
    public var headerValue: String {
        var text = Self.keep(name, HTTPSyntax.isTokenChar) + "=" + Self.keep(value, Self.isCookieOctet)
        let safePath = Self.keep(path) { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ";") }
        if !safePath.isEmpty { text += "; Path=" + safePath }
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if httpOnly { text += "; HttpOnly" }
        if secure || sameSite == SameSite.none { text += "; Secure" }
        if let sameSite { text += "; SameSite=" + sameSite.rawValue }
        return text
    }

    /// RFC 6265 cookie-octet: visible ASCII except `"`, `,`, `;` and `\`.
    static func isCookieOctet(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: ",")
            && byte != UInt8(ascii: ";") && byte != UInt8(ascii: "\\")
    }

    private static func keep(_ text: String, _ allowed: (UInt8) -> Bool) -> String {
        String(decoding: text.utf8.filter(allowed), as: UTF8.self)
    }
}
