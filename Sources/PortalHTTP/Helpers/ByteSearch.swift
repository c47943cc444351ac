#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over raw bytes for the multipart parser: `memchr` for the needle's first byte,
/// then `memcmp` for the rest.
///
/// Linear when the needle's first byte does not occur again in it, as for a multipart delimiter
/// (`CR LF - - boundary`, where a boundary never holds a CR): a partial match starting at one CR
/// ends before the next CR, where the next candidate starts.
enum ByteSearch {
    /// The index of the first occurrence of `needle` in `haystack[from..<to]`, or nil.
    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let first = needle.first, let base = haystack.baseAddress, let needleBase = needle.baseAddress,
              from >= 0, to <= haystack.count else { return nil }
        var position = from
        while to - position >= needle.count {
            guard let found = memchr(base + position, Int32(first), to - position - needle.count + 1) else { return nil }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index + 1, needleBase + 1, needle.count - 1) == 0 { return index }
            position = index + 1
        }
        return nil
    }

    /// The index of the first `byte` in `haystack[from..<to]`, or nil.
    static func firstIndex(of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let base = haystack.baseAddress, from >= 0, to <= haystack.count, from < to,
              let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
