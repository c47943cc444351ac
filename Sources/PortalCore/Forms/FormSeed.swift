import Foundation

/// The online forms shipped with the portal: one JSON file per procedure in `seed/forms/`,
/// named after the procedure's slug (its first one, when an administrator changed its address since).
/// Each start publishes those that changed (as a new version).
public enum FormSeed {
    /// A form file that cannot be read or published, with what is wrong.
    public struct Problem: Error, CustomStringConvertible {
        public let file: String
        public let reasons: [String]
        public var description: String { "forms/\(file): " + reasons.joined(separator: "; ") }
    }

    /// Reads and checks every form in `directory` whose procedure the catalogue has (under its
    /// first address or its current one); a form of a procedure deleted in the administration is left
    /// out (``unused(in:catalogue:)``).
    public static func load(from directory: URL, catalogue: Catalogue) throws -> [FormDefinition] {
        try read(directory).compactMap { file in
            var definition = file
            // A procedure whose address an administrator changed keeps its shipped form.
            if catalogue.procedure(slug: definition.procedureSlug) == nil, let renamed = catalogue.renamedProcedure(from: definition.procedureSlug) {
                definition.procedureSlug = renamed
            }
            return catalogue.procedure(slug: definition.procedureSlug) == nil ? nil : definition
        }
    }

    /// The procedures of `directory`'s forms that the catalogue does not have, for the start-up log.
    public static func unused(in directory: URL, catalogue: Catalogue) throws -> [String] {
        try read(directory).map(\.procedureSlug).filter { catalogue.procedure(slug: $0) == nil && catalogue.renamedProcedure(from: $0) == nil }
    }

    /// Every form of `directory`, each checked on its own.
    private static func read(_ directory: URL) throws -> [FormDefinition] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { file in
            let definition: FormDefinition
            do {
                definition = try JSONDecoder().decode(FormDefinition.self, from: Data(contentsOf: directory.appendingPathComponent(file)))
            } catch {
                throw Problem(file: file, reasons: ["\(error)"])
            }
            var reasons = definition.problems()
            if definition.procedureSlug + ".json" != file { reasons.append("the file is named after another procedure") }
            guard reasons.isEmpty else { throw Problem(file: file, reasons: reasons) }
            return definition
        }
    }

    /// Publishes every form of `directory` that changed; returns the procedures whose form is new.
    @discardableResult
    public static func publish(from directory: URL, catalogue: Catalogue, store: FormStore, now: Date) throws -> [String] {
        try load(from: directory, catalogue: catalogue).compactMap { definition in
            let before = try store.current(procedureSlug: definition.procedureSlug)?.version
            let after = try store.publish(definition, now: now).version
            return before == after ? nil : definition.procedureSlug
        }
    }
}
