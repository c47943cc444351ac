/// One uploaded file of a ``MultipartForm``.
public struct MultipartFile: Sendable, Hashable {
    /// The form field name (the input's `name`).
    public var name: String
    /// The file name as sent, sanitised by ``sanitizedFilename(_:)``: no path, no control characters,
    /// at most 255 bytes. May be empty.
    public var filename: String
    /// The part's `Content-Type` as declared by the client (not checked against the content), or nil.
    public var contentType: String?
    /// The file's bytes.
    public var data: [UInt8]

    /// Creates a file; `filename` is taken as given (decoding sanitises it).
    public init(name: String, filename: String, contentType: String?, data: [UInt8]) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }

    /// Longest sanitised file name, in UTF-8 bytes (the usual file-system limit).
    public static let maxFilenameBytes = 255

    /// A file name safe to show and to store as metadata: the last component after any `/` or `\`
    /// (old browsers send `C:\Users\…\photo.jpg`), without control characters (C0, DEL, C1),
    /// `.` and `..` turned into the empty name, cut at a character boundary to ``maxFilenameBytes``
    /// bytes while keeping a short extension. Idempotent.
    public static func sanitizedFilename(_ raw: String) -> String {
        let lastComponent = raw.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last ?? []
        var scalars = String.UnicodeScalarView(lastComponent.filter { !isControl($0) })
        if String(scalars) == "." || String(scalars) == ".." { scalars = String.UnicodeScalarView() }
        let name = String(scalars)
        guard name.utf8.count > maxFilenameBytes else { return name }

        // Keep an extension of up to 16 bytes ("rapport.pdf" stays a PDF), cut the stem.
        var stem = Substring(name).unicodeScalars[...]
        var fileExtension = Substring("").unicodeScalars[...]
        if let dot = name.unicodeScalars.lastIndex(of: "."), name.unicodeScalars.distance(from: dot, to: name.unicodeScalars.endIndex) > 1 {
            let candidate = name.unicodeScalars[dot...]
            if String(candidate).utf8.count <= 16 {
                stem = name.unicodeScalars[..<dot]
                fileExtension = candidate
            }
        }
        var budget = maxFilenameBytes - String(fileExtension).utf8.count
        var kept = String.UnicodeScalarView()
        for scalar in stem {
            let size = String(scalar).utf8.count
            guard size <= budget else { break }
            budget -= size
            kept.append(scalar)
        }
        kept.append(contentsOf: fileExtension)
        return String(kept)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
