/// Unguessable tokens for sessions and form bindings.
public enum RandomToken {
    /// `byteCount` bytes from the system's secure generator, as base64url text
    /// (32 bytes, the default, is 256 bits).
    public static func make(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
