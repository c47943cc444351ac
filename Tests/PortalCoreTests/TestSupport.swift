import Foundation
import PortalCore
import Testing

/// Paths, temporary databases and cheap settings shared by the tests.
enum TestSupport {
    /// The package root: three levels up from this file.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The small seed folder of the tests.
    static let fixtureSeed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seed")
    /// The real seed folder of the portal.
    static let realSeed = packageRoot.appendingPathComponent("Resources/seed")

    /// Scrypt with N = 2^10, fast enough for tests.
    static let hasher = PasswordHasher(parameters: .init(rounds: 1 << 10, blockSize: 8, parallelism: 1))

    /// A fixed instant, 1 March 2026 at 10:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_772_359_200)

    /// A new empty folder under the system temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("portal-core-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A migrated database in a new temporary file, seeded from `seed` when given.
    static func database(seed: URL? = fixtureSeed) throws -> PortalDatabase {
        let database = try PortalDatabase(path: try temporaryDirectory().appendingPathComponent("portal.sqlite").path)
        if let seed {
            try database.installReferenceDataIfNeeded(from: seed)
        }
        return database
    }

    /// A copy of the fixture seed folder with `file`'s text changed by `edit`.
    static func brokenSeed(_ file: String, _ edit: (String) -> String) throws -> URL {
        let folder = try temporaryDirectory()
        for name in [ReferenceData.FileName.communes, ReferenceData.FileName.organisations, ReferenceData.FileName.procedures] {
            let text = try String(contentsOf: fixtureSeed.appendingPathComponent(name), encoding: .utf8)
            try (name == file ? edit(text) : text).write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }
}
