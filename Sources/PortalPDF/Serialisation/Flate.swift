import CZlib

/// zlib-format compression (RFC 1950: deflate with the zlib header and Adler-32 check), which is what
/// PDF's FlateDecode filter reads; gzip framing would not do.
enum Flate {
    /// `bytes` compressed at zlib's best level.
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let result = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &length, input.baseAddress, uLong(input.count), Z_BEST_COMPRESSION)
            }
        }
        // With an output of compressBound's size, zlib can only fail for want of memory.
        precondition(result == Z_OK, "zlib's compress2 failed with \(result)")
        output.removeLast(output.count - Int(length))
        return output
    }
}
