import ArgumentParser

/// `portal-server`: serves the portal (the default) and hosts its maintenance sub-commands.
@main
struct PortalServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal-server",
        abstract: "Portail citoyen de la Communauté de communes Touraine Ouest Val de Loire.",
        subcommands: [ServeCommand.self, CreateAdminCommand.self, ImportReferenceCommand.self, ExportReferenceCommand.self,
                      SeedScaleCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
