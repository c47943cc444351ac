/// The 64-bit FNV-1a hash: a small, stable content fingerprint for cache busting (not for security).
enum FNV1a {
    /// The hash of `bytes` as 16 lowercase hexadecimal digits.
    static func hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
