import ArgumentParser
import Dispatch
import Foundation
import Logging
import PortalCore
import PortalHTTP
import PortalWeb

/// Serves the portal: creates and migrates the database on first start, loads the
/// reference data once, adds the demo accounts with `--demo`, then listens until SIGTERM/SIGINT.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the portal (default).")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free port).")
    var port: Int = 8080

    @Flag(name: .long, help: "Add the demo accounts and print their logins.")
    var demo = false

    @Flag(name: .long, help: "Mark cookies Secure (when served over HTTPS behind a proxy).")
    var secureCookies = false

    @Option(name: .long, help: "The portal's address as people reach it, for links in e-mails (default: http://HOST:PORT).")
    var publicURL: String?

    @Option(name: .long, help: "The From address of the portal's e-mails.")
    var mailFrom = "Portail citoyen CCTOVAL <ne-pas-repondre@cctoval.fr>"

    @Option(name: .long, help: "Deliver e-mails to this SMTP relay (HOST:PORT) instead of .eml files in DATA/outbox.")
    var smtp: String?

    func validate() throws {
        if let smtp, SMTPTransport(address: smtp) == nil {
            throw ValidationError("--smtp expects HOST:PORT, for example relais.cctoval.local:25")
        }
    }

    func run() throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "portal")
        let resources = try common.resourcesDirectory()
        try common.makeDataDirectory()

        let database = try PortalDatabase(path: common.databasePath)
        if try database.installReferenceDataIfNeeded(from: resources.appendingPathComponent("seed")) {
            logger.info("first start: database created and reference data loaded")
        }
        if demo {
            let accounts = try DemoData.install(into: database, hasher: PasswordHasher())
            Self.say(DemoBanner.text(accounts))
        }
        let published = try FormSeed.publish(
            from: resources.appendingPathComponent("seed/forms"), catalogue: try Catalogue(database: database),
            store: FormStore(database: database), now: Date())
        if !published.isEmpty {
            logger.info("online forms published: \(published.joined(separator: ", "))")
        }
        let publicURL = self.publicURL ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        if demo {
            let added = try DemoDossiers.install(
                into: try Dossiers(database: database, catalogue: try Catalogue(database: database), publicURL: publicURL))
            if added > 0 { logger.info("demo: \(added) sample dossiers added") }
        }

        let application = try PortalApplication(
            database: database,
            configuration: WebConfiguration(
                resourcesDirectory: resources, secureCookies: secureCookies,
                publicURL: publicURL),
            logger: logger
        )
        var configuration = HTTPServerConfiguration()
        configuration.host = host
        configuration.port = port
        let server = HTTPServer(configuration: configuration, responder: application.responder) { entry in
            logger.info("\(entry.method) \(entry.path) \(entry.status) \(Self.milliseconds(entry.duration)) ms")
        }
        let boundPort = try server.start()
        Self.say("Portail citoyen CCTOVAL : http://\(host.contains(":") ? "[\(host)]" : host):\(boundPort)/")

        let dossiers = try Dossiers(database: database, catalogue: try Catalogue(database: database), publicURL: publicURL)
        let retention = PeriodicTask(label: "retention", interval: 3600, logger: logger) { [database] in
            let report = try Accounts(database: database).purgeExpiredRecords(now: Date())
            let drafts = try dossiers.purgeExpiredDrafts(now: Date())
            let reminders = try dossiers.remindExpiringDrafts(now: Date())
            guard report.sessions + report.loginFailures + drafts + reminders > 0 else { return nil }
            return "removed \(report.sessions) expired sessions, \(report.loginFailures) old log-in failures, \(drafts) expired drafts;"
                + " reminded \(reminders) drafts expiring within a week"
        }
        let transport: any MailTransport = try smtp.flatMap(SMTPTransport.init(address:))
            ?? MailFolderTransport(directory: common.dataDirectory.appendingPathComponent("outbox"))
        let mail = MailDispatcher(outbox: Outbox(database: database), transport: transport, sender: mailFrom)
        let destination = smtp.map { "SMTP \($0)" } ?? "data/outbox"
        let delivery = PeriodicTask(label: "mail", interval: 10, logger: logger) {
            let count = try mail.deliverDue(now: Date())
            return count == 0 ? nil : "delivered \(count) messages to \(destination)"
        }
        let signals = StopSignals { signal in
            logger.info("signal \(signal) received: finishing requests in flight, then stopping")
            server.shutdown()
        }
        server.waitUntilStopped()
        withExtendedLifetime((signals, retention, delivery)) {}
    }

    /// `seconds` in milliseconds with one decimal ("12.3"): written for every request, so without
    /// `String(format:)`, which cost more than rendering a cached page.
    static func milliseconds(_ seconds: TimeInterval) -> String {
        let tenths = Int((max(seconds, 0) * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Writes a line to standard output at once (scripts wait for the address line).
    private static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
