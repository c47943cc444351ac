import ArgumentParser
import Foundation
import PortalCore

/// Seeds a full-territory data set for load benchmarks (`scripts/bench`): the reference data
/// if missing, then the resident accounts of ``ScaleData``. Running it again changes nothing.
struct SeedScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-scale",
        abstract: "Seed a full-territory data set (33,000 residents by default) for load benchmarks."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Number of resident accounts, spread over the communes by population.")
    var residents: Int = ScaleData.fullTerritoryResidents

    func validate() throws {
        guard residents > 0 else { throw ValidationError("--residents must be positive.") }
    }

    func run() throws {
        let resources = try common.resourcesDirectory()
        try common.makeDataDirectory()
        let started = Date()
        let database = try PortalDatabase(path: common.databasePath)
        _ = try database.installReferenceDataIfNeeded(from: resources.appendingPathComponent("seed"))
        let report = try ScaleData.install(into: database, residents: residents)
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        if report.created == 0 {
            print("Données de charge déjà présentes : \(report.total) habitants dans \(report.perCommune.count) communes ; rien n'a été ajouté.")
        } else {
            print("Données de charge créées en \(seconds) s : \(report.created) habitants dans \(report.perCommune.count) communes.")
        }
        print("Connexion : \(ScaleData.email(resident: 1)) … \(ScaleData.email(resident: report.total)), mot de passe \(ScaleData.password)")
    }
}
