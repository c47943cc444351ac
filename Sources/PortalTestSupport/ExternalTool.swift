import Foundation

/// A command-line program found on the `PATH`, such as poppler's `pdftotext`.
public struct ExternalTool {
    /// What the program wrote and how it ended.
    public struct Output {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    public let url: URL

    /// The program called `name` on the `PATH`, or nil when it is not installed.
    public init?(_ name: String) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            return nil
        }
        url = found
    }

    /// The program at `url`, such as the portal's own executable.
    public init(url: URL) {
        self.url = url
    }

    /// Runs the program with `arguments` and waits for it to end.
    public func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
        let error = standardError.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      standardOutput: String(decoding: output, as: UTF8.self),
                      standardError: String(decoding: error, as: UTF8.self))
    }
}
