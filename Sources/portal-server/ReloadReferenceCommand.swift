import ArgumentParser
import Foundation
import PortalCore

/// Replaces the reference data (communes, organisations, catalogue) from the seed files,
/// after an administrator corrected them; accounts and everything else are kept.
struct ReloadReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload-reference",
        abstract: "Check the seed files and reload the reference data into an existing database."
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let resources = try common.resourcesDirectory()
        try common.makeDataDirectory()
        let database = try PortalDatabase(path: common.databasePath)
        try database.reloadReferenceData(from: resources.appendingPathComponent("seed"))
        let catalogue = try Catalogue(database: database)
        print("Données de référence rechargées : \(catalogue.communes().count) communes, \(catalogue.categories().count) thèmes.")
    }
}
