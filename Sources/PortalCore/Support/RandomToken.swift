/// Unguessable tokens for sessions and form bindings.
public enum RandomToken {
    /// `byteCount` bytes from the system's secure generator, as base64url text
    /// (32 bytes, the default, is 256 bits).
    public static func make(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount + 7)
        while bytes.count < byteCount {
            let word: UInt64 = generator.next()
            bytes += (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) }
        }
        return Base64URL.encode(Array(bytes.prefix(byteCount)))
    }
}
