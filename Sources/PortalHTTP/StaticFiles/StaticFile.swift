/// One preloaded asset.
struct StaticFile: Sendable {
    /// The file's bytes.
    let body: [UInt8]
    /// A gzip copy, when the type is compressible and compression pays.
    let gzipped: [UInt8]?
    /// The `Content-Type` value.
    let contentType: String
    /// The content hash, used as `v` query value and in the ETag.
    let hash: String
    /// The modification time in seconds since 1970.
    let modified: Int

    /// The strong ETag, quoted.
    var etag: String { "\"\(hash)\"" }

    /// Whether the type benefits from compression (and so varies on `Accept-Encoding`).
    var isCompressible: Bool { MimeTypes.isCompressible(contentType) }

    init(path: String, body: [UInt8], modified: Int) {
        self.body = body
        self.modified = modified
        contentType = MimeTypes.type(forPath: path)
        hash = FNV1a.hex(body)
        if MimeTypes.isCompressible(contentType), body.count >= 256 {
            let compressed = Gzip.compress(body, level: 9)
            gzipped = !compressed.isEmpty && compressed.count < body.count ? compressed : nil
        } else {
            gzipped = nil
        }
    }
}
