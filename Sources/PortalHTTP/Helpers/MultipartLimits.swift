/// Size limits applied by ``MultipartForm/decode(_:contentType:limits:)``. Going beyond one is answered
/// with `413 Content Too Large`.
public struct MultipartLimits: Sendable, Hashable {
    /// Most parts accepted, empty file inputs included.
    public var maxParts: Int
    /// Largest header section of one part: its header lines, their CRLFs and the empty line.
    public var maxHeaderBytes: Int
    /// Largest value of one text field, in bytes.
    public var maxFieldBytes: Int
    /// Largest content of one file, in bytes.
    public var maxFileBytes: Int
    /// Largest whole body, in bytes (the request parser's body limit usually already bounds it).
    public var maxBodyBytes: Int

    /// Creates limits; the defaults suit the portal's forms (100 parts, 8 KiB of headers per part,
    /// 64 KiB per text field, 10 MiB per file and per body).
    public init(
        maxParts: Int = 100,
        maxHeaderBytes: Int = 8 * 1024,
        maxFieldBytes: Int = 64 * 1024,
        maxFileBytes: Int = 10 * 1024 * 1024,
        maxBodyBytes: Int = 10 * 1024 * 1024
    ) {
        self.maxParts = maxParts
        self.maxHeaderBytes = maxHeaderBytes
        self.maxFieldBytes = maxFieldBytes
        self.maxFileBytes = maxFileBytes
        self.maxBodyBytes = maxBodyBytes
    }
}
