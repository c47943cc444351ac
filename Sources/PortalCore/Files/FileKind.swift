/// The kinds of document residents may send, recognised from their first bytes (never from
/// their name or declared type).
public enum FileKind: String, Sendable, Hashable, CaseIterable, Codable {
    case pdf, jpeg, png

    /// The MIME type the file is served with.
    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    /// What a person calls it.
    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .jpeg: "JPEG"
        case .png: "PNG"
        }
    }

    /// The kind of `bytes`, or nil when it is none of the accepted ones.
    public static func sniff(_ bytes: [UInt8]) -> FileKind? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }
}
