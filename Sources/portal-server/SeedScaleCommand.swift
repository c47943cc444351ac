import ArgumentParser
import Foundation
import PortalCore

/// Seeds a full-territory data set for load benchmarks (`scripts/bench`): the reference data
/// and the online forms if missing, then the resident accounts and dossiers of ``ScaleData``.
/// Running it again changes nothing.
struct SeedScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-scale",
        abstract: "Seed a full-territory data set (33,000 residents, 300,000 dossiers, 1,000,000 invoices by default) for load benchmarks."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Number of resident accounts, spread over the communes by population.")
    var residents: Int = ScaleData.fullTerritoryResidents

    @Option(name: .long, help: "Number of dossiers, spread over the residents (default: about 9 per resident, 300,000 for 33,000).")
    var dossiers: Int?

    @Option(name: .long, help: "Number of invoices over three years (default: about 30 per resident, 1,000,000 for 33,000).")
    var invoices: Int?

    func validate() throws {
        guard residents > 0 else { throw ValidationError("--residents must be positive.") }
        if let dossiers, dossiers < 0 { throw ValidationError("--dossiers must not be negative.") }
        if let invoices, invoices < 0 { throw ValidationError("--invoices must not be negative.") }
    }

    func run() throws {
        let resources = try common.resourcesDirectory()
        try common.makeDataDirectory()
        let started = Date()
        let database = try PortalDatabase(path: common.databasePath)
        _ = try database.installReferenceDataIfNeeded(from: resources.appendingPathComponent("seed"))
        // Dossiers need the forms their procedures are filed with; the server publishes the same at start.
        try FormSeed.publish(from: resources.appendingPathComponent("seed/forms"), catalogue: try Catalogue(database: database),
                             store: FormStore(database: database), now: started)
        let report = try ScaleData.install(into: database, residents: residents, dossiers: dossiers)
        try RegieSeed.install(from: resources.appendingPathComponent("seed/regies.json"), catalogue: try Catalogue(database: database),
                              into: database)
        let bills = try ScaleData.installInvoices(into: database, count: invoices ?? ScaleData.defaultInvoices(forResidents: residents))
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        if report.created == 0 && report.dossiers.created == 0 && bills.created == 0 {
            print("Données de charge déjà présentes : \(report.total) habitants dans \(report.perCommune.count) communes, \(report.dossiers.total) demandes, \(bills.total) factures ; rien n'a été ajouté.")
        } else {
            print("Données de charge créées en \(seconds) s : \(report.created) habitants dans \(report.perCommune.count) communes, \(report.dossiers.created) demandes, \(bills.created) factures (\(report.total) habitants, \(report.dossiers.total) demandes et \(bills.total) factures en tout).")
        }
        print("Connexion : \(ScaleData.email(resident: 1)) … \(ScaleData.email(resident: report.total)), mot de passe \(ScaleData.password)")
    }
}
