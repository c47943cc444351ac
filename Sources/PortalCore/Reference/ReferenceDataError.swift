/// Why reference data (communes, organisations, catalogue) could not be loaded.
///
/// All problems found are reported together, each naming the file and entry,
/// so that an administrator can correct them in one go.
public struct ReferenceDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem in one file.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        /// The file name, for example `"procedures.json"`.
        public var file: String
        /// The entry concerned (`procedure "acte-de-naissance"`, `line 4`…), if any.
        public var entry: String?
        /// What is wrong.
        public var message: String

        /// Creates an issue.
        public init(file: String, entry: String? = nil, message: String) {
            self.file = file
            self.entry = entry
            self.message = message
        }

        /// `file, entry: message`.
        public var description: String {
            if let entry { "\(file), \(entry): \(message)" } else { "\(file): \(message)" }
        }
    }

    /// The problems found, in file order.
    public var issues: [Issue]

    /// Creates an error from its issues.
    public init(issues: [Issue]) {
        self.issues = issues
    }

    /// One line per issue.
    public var description: String {
        "Invalid reference data:\n" + issues.map { "- \($0)" }.joined(separator: "\n")
    }
}
