import Crypto

/// Who may use the simulator: payers holding their operation's token, and only the portal's
/// own addresses as notification and return addresses.
extension PayFiPSimulator {
    /// The token that opens operation `operationId`'s page: an HMAC of the id under the
    /// simulator's key. The portal gives it, as a cookie, to the browser it sends to the page;
    /// the id alone, which travels in return addresses and notifications, opens nothing.
    public func payerToken(for operationId: String) -> String {
        Base64URL.encode(Array(HMAC<SHA256>.authenticationCode(for: Self.payerMessage(operationId), using: payerSymmetricKey)))
    }

    /// Whether `token` is ``payerToken(for:)`` of `operationId`, compared in constant time.
    func isPayerToken(_ token: String?, of operationId: String) -> Bool {
        guard let token, let bytes = Base64URL.decode(token) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Self.payerMessage(operationId), using: payerSymmetricKey)
    }

    /// Whether `url` is on the portal: under its address, without spaces or control characters.
    func isPortalAddress(_ url: String) -> Bool {
        url.hasPrefix(links.base + "/") && !url.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F }
    }

    private var payerSymmetricKey: SymmetricKey { SymmetricKey(data: payerKey) }

    private static func payerMessage(_ operationId: String) -> [UInt8] { Array("payer:\(operationId)".utf8) }
}
