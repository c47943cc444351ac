import Foundation
import GRDB

/// A document a resident sent: its metadata; the bytes live on disk under their SHA-256.
public struct StoredFile: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    public var sha256: String
    public var byteCount: Int
    public var kind: FileKind
    /// The name the resident's computer gave it, cleaned, for display and download.
    public var originalName: String
    public var ownerAccountId: Int64

    init(row: Row) {
        id = row["id"]
        sha256 = row["sha256"]
        byteCount = row["byteCount"]
        kind = FileKind.allCases.first { $0.contentType == (row["contentType"] as String) } ?? .pdf
        originalName = row["originalName"]
        ownerAccountId = row["ownerAccountId"]
    }

    /// "412 Ko", "2,3 Mo".
    public var sizeText: String {
        ByteCountText.french(byteCount)
    }
}
