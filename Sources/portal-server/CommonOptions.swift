import ArgumentParser
import Foundation

/// Options shared by every sub-command: where the data and the resources are.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder: the SQLite file, uploaded files, the mail outbox.")
    var data: String = "./data"

    @Option(name: .long, help: "Folder holding templates/, static/ and seed/ (found next to the executable or the package by default).")
    var resources: String?

    var dataDirectory: URL { URL(fileURLWithPath: data, isDirectory: true).standardizedFileURL }

    var databasePath: String { dataDirectory.appendingPathComponent("portal.sqlite").path }

    /// The resources folder: the flag, else `PORTAL_RESOURCES`, else the nearest `Resources`
    /// folder above the executable or the working directory.
    func resourcesDirectory() throws -> URL {
        if let resources { return URL(fileURLWithPath: resources, isDirectory: true).standardizedFileURL }
        if let fromEnvironment = ProcessInfo.processInfo.environment["PORTAL_RESOURCES"] {
            return URL(fileURLWithPath: fromEnvironment, isDirectory: true).standardizedFileURL
        }
        let starts = [
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        ]
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent("Resources", isDirectory: true)
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("templates").path) {
                    return candidate
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw ValidationError("Resources folder not found: pass --resources PATH or set PORTAL_RESOURCES.")
    }

    /// Creates the data folder if needed.
    func makeDataDirectory() throws {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    }
}
