import Crypto
import Foundation
import GRDB

/// Stores uploaded documents on disk, named by their SHA-256 (the same document sent twice is
/// kept once), with their metadata and owner in the database.
public struct FileStore: Sendable {
    public let database: PortalDatabase
    /// `data/files`.
    public let directory: URL

    /// Why a file was refused, in French for the person who sent it.
    public enum Problem: Error, Sendable, Hashable {
        case empty
        case tooLarge(maximumBytes: Int)
        case wrongKind(allowed: [FileKind])

        public var message: String {
            switch self {
            case .empty:
                "Le fichier choisi est vide."
            case .tooLarge(let maximum):
                "Le fichier est trop lourd : il doit faire au plus \(ByteCountText.french(maximum))."
            case .wrongKind(let allowed):
                "Le fichier doit être au format " + allowed.map(\.label).joinedInFrench(conjunction: "ou") + "."
            }
        }
    }

    public init(database: PortalDatabase, directory: URL) throws {
        self.database = database
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Checks and keeps a document sent by `owner`.
    public func store(
        _ bytes: [UInt8], originalName: String, owner: Account, allowed: [FileKind], maximumBytes: Int, now: Date
    ) throws -> StoredFile {
        guard !bytes.isEmpty else { throw Problem.empty }
        guard bytes.count <= maximumBytes else { throw Problem.tooLarge(maximumBytes: maximumBytes) }
        guard let kind = FileKind.sniff(bytes), allowed.contains(kind) else { throw Problem.wrongKind(allowed: allowed) }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let path = location(of: digest)
        if !FileManager.default.fileExists(atPath: path.path) {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: path, options: .atomic)
        }
        let name = Self.cleanName(originalName, kind: kind)
        return try database.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO stored_file (sha256, byteCount, contentType, originalName, ownerAccountId, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [digest, bytes.count, kind.contentType, name, owner.id, now])
            return try StoredFile(row: Row.fetchOne(db, sql: "SELECT * FROM stored_file WHERE id = ?", arguments: [db.lastInsertedRowID])!)
        }
    }

    /// The bytes of a stored file.
    public func contents(of file: StoredFile) throws -> Data {
        try Data(contentsOf: location(of: file.sha256))
    }

    /// `files/ab/abcdef…`: two levels keep folders small.
    func location(of digest: String) -> URL {
        directory.appendingPathComponent(String(digest.prefix(2)), isDirectory: true).appendingPathComponent(digest)
    }

    /// A display name without paths or control characters, with the extension of its real kind.
    static func cleanName(_ name: String, kind: FileKind) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var clean = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)).trimmingCharacters(in: .whitespaces)
        if let dot = clean.lastIndex(of: ".") { clean = String(clean[..<dot]) }
        clean = String(clean.prefix(100))
        return (clean.isEmpty ? "document" : clean) + "." + (kind == .jpeg ? "jpg" : kind.rawValue)
    }
}

extension Array where Element == String {
    /// "PDF, JPEG ou PNG".
    func joinedInFrench(conjunction: String) -> String {
        guard count > 1 else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " \(conjunction) " + last!
    }
}
