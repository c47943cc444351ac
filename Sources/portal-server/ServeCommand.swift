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

    /// The address links lead to before any server has started with a `--public-url`.
    static let defaultLocalURL = "http://127.0.0.1:8080"

    @Flag(name: .long, help: "Add the demo accounts and print their logins.")
    var demo = false

    @Option(name: .long, help: "The portal's address as people reach it, for links in e-mails (default: http://HOST:PORT); in https://, cookies are Secure and responses carry Strict-Transport-Security.")
    var publicURL: String?

    @Option(name: .long, help: "The From address of the portal's e-mails.")
    var mailFrom = "Portail citoyen CCTOVAL <ne-pas-repondre@cctoval.fr>"

    @Option(name: .long, help: "Deliver e-mails to this SMTP relay (HOST:PORT) instead of .eml files in DATA/outbox.")
    var smtp: String?

    @Option(name: .long, help: "PayFiP's SOAP service (with --payfip-page): take card payments through the DGFiP instead of the built-in simulator.")
    var payfipEndpoint: String?

    @Option(name: .long, help: "PayFiP's payment page, to which the operation id is appended (https://www.payfip.gouv.fr/tpa/paiementws.web?idop=).")
    var payfipPage: String?

    @Option(name: .long, help: "How the PayFiP simulator notifies the portal: immediate, drop, repeat:N or delay:SECONDS (tests).")
    var payfipSimCallback = "immediate"

    @Option(name: .long, help: "E-mail the payer of an open invoice this many days before its due date (0: on the day).")
    var reminderDaysBefore = 5

    @Option(name: .long, help: "E-mail the payer of an open invoice again this many days after its due date.")
    var reminderDaysAfter = 10

    func validate() throws {
        if let smtp, SMTPTransport(address: smtp) == nil {
            throw ValidationError("--smtp expects HOST:PORT, for example relais.cctoval.local:25")
        }
        if (payfipEndpoint == nil) != (payfipPage == nil) {
            throw ValidationError("--payfip-endpoint and --payfip-page go together")
        }
        if let payfipEndpoint, URL(string: payfipEndpoint)?.scheme?.hasPrefix("http") != true {
            throw ValidationError("--payfip-endpoint expects an http(s) URL")
        }
        if SimulatorCallback.parse(payfipSimCallback) == nil {
            throw ValidationError("--payfip-sim-callback expects immediate, drop, repeat:N or delay:SECONDS")
        }
        if !(0...60).contains(reminderDaysBefore) {
            throw ValidationError("--reminder-days-before expects a number of days from 0 to 60")
        }
        // The reminder after tells the payer they can still pay online: it must come before that closes.
        if !(1..<Invoices.onlinePaymentGraceDays).contains(reminderDaysAfter) {
            throw ValidationError("--reminder-days-after expects a number of days from 1 to \(Invoices.onlinePaymentGraceDays - 1)")
        }
    }

    /// The payment provider the options choose.
    private var payment: PaymentProviderSetting {
        if let payfipEndpoint, let payfipPage, let endpoint = URL(string: payfipEndpoint) {
            return .payfip(endpoint: endpoint, paymentPage: payfipPage)
        }
        return .simulator(SimulatorCallback.parse(payfipSimCallback) ?? .immediate)
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
        let unused = try FormSeed.unused(in: resources.appendingPathComponent("seed/forms"), catalogue: try Catalogue(database: database))
        if !unused.isEmpty {
            logger.warning("online forms not published, their procedure is not in the catalogue (deleted in /admin?): \(unused.joined(separator: ", "))")
        }
        try RegieSeed.install(from: resources.appendingPathComponent("seed/regies.json"), catalogue: try Catalogue(database: database),
                              into: database)
        try ActivitySeed.install(from: resources.appendingPathComponent("seed/activities.json"), catalogue: try Catalogue(database: database),
                                 into: database)
        // Bound first, so that with --port 0 the portal's address names the real port.
        let listener = try HTTPListener.bind(host: host, port: port)
        let localURL = "http://\(host.contains(":") ? "[\(host)]" : host):\(listener.port)"
        let publicURL = self.publicURL ?? localURL
        try database.setTextSetting(PortalDatabase.publicAddressSetting, publicURL)
        let links = SiteMap(publicURL: publicURL)
        if demo {
            let added = try DemoDossiers.install(
                into: try Dossiers(database: database, catalogue: try Catalogue(database: database), links: links))
            if added > 0 { logger.info("demo: \(added) sample dossiers added") }
            let invoices = try DemoInvoices.install(
                into: Invoices(database: database, catalogue: try Catalogue(database: database), links: links))
            if invoices > 0 { logger.info("demo: \(invoices) sample invoices added") }
            if try DemoHousehold.install(into: Households(database: database, links: links)) {
                logger.info("demo: the Langeais resident's household added (two adults, two children, their documents)")
            }
        }

        if try !Accounts(database: database).hasActiveAdministrator() {
            logger.notice(
                "no administrator yet: create the first one with portal-server create-admin --data \(common.data) --email ADDRESS --name \"Prénom Nom\"")
        }

        let application = try PortalApplication(
            database: database,
            configuration: WebConfiguration(
                resourcesDirectory: resources,
                publicURL: publicURL, payment: payment),
            logger: logger
        )
        var configuration = HTTPServerConfiguration()
        configuration.host = host
        configuration.port = port
        let server = HTTPServer(configuration: configuration, listener: listener, responder: application.responder) { entry in
            logger.info("\(entry.method) \(entry.path) \(entry.status) \(Self.milliseconds(entry.duration)) ms")
        }
        _ = try server.start()
        Self.say("Portail citoyen CCTOVAL : \(localURL)/")

        let dossiers = try Dossiers(database: database, catalogue: try Catalogue(database: database), links: links)
        let retention = PeriodicTask(label: "retention", interval: 3600, logger: logger) { [database] in
            let report = try Accounts(database: database).purgeExpiredRecords(now: Date())
            let drafts = try dossiers.purgeExpiredDrafts(now: Date())
            let reminders = try dossiers.remindExpiringDrafts(now: Date())
            guard report.sessions + report.loginFailures + drafts + reminders > 0 else { return nil }
            return "removed \(report.sessions) expired sessions, \(report.loginFailures) old log-in failures, \(drafts) expired drafts;"
                + " reminded \(reminders) drafts expiring within a week"
        }
        let invoices = Invoices(database: database, catalogue: try Catalogue(database: database), links: links)
        let policy = ReminderPolicy(daysBefore: reminderDaysBefore, daysAfter: reminderDaysAfter)
        let reminders = PeriodicTask(label: "reminders", interval: 3600, logger: logger) {
            let report = try invoices.sendReminders(now: Date(), policy: policy)
            guard report.before + report.after > 0 else { return nil }
            return "reminded \(report.before) payers before the due date and \(report.after) after it"
        }
        let transport: any MailTransport = try smtp.flatMap(SMTPTransport.init(address:))
            ?? MailFolderTransport(directory: common.dataDirectory.appendingPathComponent("outbox"))
        let mail = MailDispatcher(outbox: Outbox(database: database), transport: transport, sender: mailFrom)
        let destination = smtp.map { "SMTP \($0)" } ?? "data/outbox"
        let imports = PeriodicTask(label: "reference", interval: 10, logger: logger) { [catalogue = application.catalogue] in
            try catalogue.followImports() ? "imported reference data read again: the pages show it" : nil
        }
        let delivery = PeriodicTask(label: "mail", interval: 10, logger: logger) {
            let count = try mail.deliverDue(now: Date())
            return count == 0 ? nil : "delivered \(count) messages to \(destination)"
        }
        let payments = PeriodicTask(label: "payments", interval: 60, logger: logger) {
            let settled = try application.recheckPendingPayments(now: Date())
            return settled == 0 ? nil : "\(settled) online payments settled after asking the provider again"
        }
        let signals = StopSignals { signal in
            logger.info("signal \(signal) received: finishing requests in flight, then stopping")
            server.shutdown()
        }
        server.waitUntilStopped()
        withExtendedLifetime((signals, retention, reminders, imports, delivery, payments)) {}
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
