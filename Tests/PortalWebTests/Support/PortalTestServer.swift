import Foundation
import Logging
import PortalCore
import PortalHTTP
@testable import PortalWeb

/// The whole portal on an ephemeral port over real sockets, with a fresh data folder,
/// the real reference data and (optionally) the demo accounts.
final class PortalTestServer: @unchecked Sendable {
    let port: Int
    let database: PortalDatabase
    let dataDirectory: URL
    let application: PortalApplication
    /// The addresses of this server's pages, as its e-mails carry them.
    let links: SiteMap
    private let server: HTTPServer

    /// The package's `Resources` folder.
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources", isDirectory: true)

    /// Cheap scrypt parameters: tests create many accounts.
    static let hasher = PasswordHasher(parameters: .init(rounds: 1 << 10, blockSize: 8, parallelism: 1))

    /// - Parameter forms: published after the shipped ones, so a test knows exactly what it fills in.
    /// - Parameter payment: who takes card payments (the simulator, notifying at once, by default).
    /// - Parameter publicURL: the address people reach the portal at (by default, the test's own `http://` one).
    /// - Parameter logger: where the application logs (tests read incidents there).
    init(demo: Bool = true, forms: [FormDefinition] = [], payment: PaymentProviderSetting = .simulator(.immediate),
         publicURL: String? = nil, logger: Logger = Logger(label: "portal.web.test"), now: @escaping @Sendable () -> Date = { Date() }) throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        database = try PortalDatabase(path: dataDirectory.appendingPathComponent("portal.sqlite").path)
        _ = try database.installReferenceDataIfNeeded(from: Self.resources.appendingPathComponent("seed"))
        if demo {
            _ = try DemoData.install(into: database, hasher: Self.hasher)
        }
        try FormSeed.publish(from: Self.resources.appendingPathComponent("seed/forms"), catalogue: try Catalogue(database: database),
                             store: FormStore(database: database), now: now())
        for form in forms {
            try FormStore(database: database).publish(form, now: now())
        }
        try RegieSeed.install(from: Self.resources.appendingPathComponent("seed/regies.json"), catalogue: try Catalogue(database: database),
                              into: database)
        try ActivitySeed.install(from: Self.resources.appendingPathComponent("seed/activities.json"),
                                 catalogue: try Catalogue(database: database), into: database)
        let listener = try HTTPListener.bind(host: "127.0.0.1", port: 0)
        let publicURL = publicURL ?? "http://127.0.0.1:\(listener.port)"
        links = SiteMap(publicURL: publicURL)
        let application = try PortalApplication(
            database: database,
            configuration: {
                var configuration = WebConfiguration(resourcesDirectory: Self.resources, publicURL: publicURL, now: now, payment: payment)
                configuration.renderingObserver = ReferenceTemplates.observer
                return configuration
            }(),
            hasher: Self.hasher,
            logger: logger
        )
        self.application = application
        server = HTTPServer(configuration: HTTPServerConfiguration(), listener: listener, responder: application.responder)
        port = try server.start()
    }

    deinit {
        server.shutdown()
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    /// A new browser (its own cookie jar) pointed at this server.
    func browser() -> Browser { Browser(port: port) }
}
