import ArgumentParser
import Foundation
import PortalCore

/// Shows, entry by entry, what reference files would change in the database, and applies it with
/// `--apply`; an entry edited in the administration since the last import keeps its edit unless
/// `--replace-edits`. A new data folder takes the files whole.
struct ImportReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-reference",
        abstract: "Show (and with --apply apply) the difference between reference files and the database."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "The folder holding communes.csv, organisations.json and procedures.json.")
    var from: String

    @Flag(name: .long, help: "Apply the changes (without it, nothing changes).")
    var apply = false

    @Flag(name: .long, help: "Also replace the entries edited in the administration since the last import.")
    var replaceEdits = false

    func run() throws {
        try common.makeDataDirectory()
        let database = try PortalDatabase(path: common.databasePath)
        let report: ReferenceImport
        do {
            report = try database.importReferenceData(from: URL(fileURLWithPath: from), apply: apply, replacingEdits: replaceEdits,
                                                      now: Date())
        } catch let error as ReferenceDataError {
            throw ValidationError("Fichiers refusés, rien n'a changé :\n\(error)")
        }
        print(ReferenceImportText.lines(report).joined(separator: "\n"))
    }
}
