import Crypto
import Foundation
import PortalCore

/// Issues and checks the anti-forgery tokens carried by every form posted to the portal.
///
/// A token is an HMAC-SHA256, under a server secret, of a value the browser holds in a
/// cookie another site cannot read or set: the session token when the person is logged in,
/// otherwise a random anonymous cookie. A forged form from another site cannot know it.
struct CSRFProtection: Sendable {
    /// The name of the hidden form field holding the token.
    static let fieldName = "_csrf"

    /// The server secret (kept as bytes: `SymmetricKey` is not `Sendable` here).
    private let secret: [UInt8]

    init(secret: [UInt8]) {
        self.secret = secret
    }

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// The token for forms shown to a browser holding `binding`.
    func token(binding: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("csrf:\(binding)".utf8), using: key)
        return Base64URL.encode(Array(mac))
    }

    /// Whether `submitted` is the token for `binding`, compared in constant time.
    func isValid(_ submitted: String?, binding: String?) -> Bool {
        guard let submitted, let binding, let bytes = Base64URL.decode(submitted) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Array("csrf:\(binding)".utf8), using: key)
    }

    /// A fresh random value for the anonymous binding cookie.
    static func newAnonymousBinding() -> String {
        RandomToken.make()
    }
}
