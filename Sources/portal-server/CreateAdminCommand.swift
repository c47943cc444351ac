import ArgumentParser
import Foundation
import PortalCore
import PortalWeb

/// Creates an administrator account without a password and prints its one-time activation link
/// (also queued in the outbox); run again for the same address, it issues a new link and voids the
/// old one. How a territory starts its own portal, without `--demo`.
struct CreateAdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create an administrator account and print its activation link (valid 24 hours)."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "The administrator's e-mail address.")
    var email: String

    @Option(name: .long, help: "The administrator's first name and name, as staff and residents will see them.")
    var name: String

    @Option(name: .long, help: "The portal's public address, for the link (default: the one the server last started with).")
    var publicURL: String?

    func run() throws {
        try common.makeDataDirectory()
        let database = try PortalDatabase(path: common.databasePath)
        let address = try publicURL ?? database.textSetting(PortalDatabase.publicAddressSetting) ?? ServeCommand.defaultLocalURL
        let issued: AccountLink.Issued
        do {
            issued = try Accounts(database: database).createAdministrator(
                email: email, name: name, links: SiteMap(publicURL: address), now: Date())
        } catch let error as StaffAccountError {
            throw ValidationError(error.description)
        }
        print("""
            Compte administrateur : \(issued.account.displayName) <\(issued.account.email)>.
            Pour l'activer, ouvrez ce lien et choisissez un mot de passe (valable 24 heures, une seule fois ; \
            il remplace tout lien donné avant) :
            \(issued.url)
            Le même lien part aussi par e-mail dès que le serveur tourne.
            """)
    }
}
