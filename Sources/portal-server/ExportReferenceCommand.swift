import ArgumentParser
import Foundation
import PortalCore

/// Writes the database's reference data (communes, organisations, catalogue) in the seed files'
/// format, to keep a territory's configuration under version control or move it to another instance.
struct ExportReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-reference",
        abstract: "Write the database's reference data in the seed format."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "The folder to write communes.csv, organisations.json and procedures.json into.")
    var to: String

    func run() throws {
        let database = try PortalDatabase(path: common.databasePath)
        guard try database.isReferenceDataLoaded() else {
            throw ValidationError("Cette base ne contient pas encore de données de référence : démarrez le portail ou importez-les d'abord.")
        }
        let data = try Catalogue(database: database).snapshot.data
        try data.write(to: URL(fileURLWithPath: to))
        print("Données de référence écrites dans \(to) : \(data.communes.count) communes, \(data.organisations.count) organisations, "
              + "\(data.procedures.count) démarches.")
    }
}
