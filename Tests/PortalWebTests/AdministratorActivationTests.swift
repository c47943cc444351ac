import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// A territory starts its own portal: `portal-server create-admin` prints a one-time link, the
/// administrator chooses a password through it and lands on `/admin`.
@Suite struct AdministratorActivationTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: false) }

    func issue(_ email: String = "claire.martin@cctoval.fr", now: Date = Date()) throws -> AccountLink.Issued {
        try Accounts(database: server.database, hasher: PortalTestServer.hasher)
            .createAdministrator(email: email, name: "Claire Martin", links: server.links, now: now)
    }

    static func path(of url: String) -> String { URL(string: url)?.path ?? "" }

    @Test func theLinkChoosesAPasswordAndLandsOnTheAdministration() throws {
        let issued = try issue()
        let path = Self.path(of: issued.url)
        #expect(path == "/activation/\(issued.token)")
        var browser = server.browser()
        let page = try browser.get(path)
        #expect(page.status == 200)
        #expect(page.text.contains("<title>Choisir votre mot de passe"))
        #expect(page.text.contains("Bonjour Claire Martin. Pour activer votre compte (claire.martin@cctoval.fr)"))
        #expect(page.text.contains(PasswordPolicy.hint))
        #expect(page.header("Referrer-Policy") == "same-origin", "the token is never sent to another site")
        #expect(page.header("Cache-Control") == "no-store")

        let weak = try browser.submit(path, from: path, form: [("password", "court")])
        #expect(weak.status == 422)
        #expect(weak.text.contains("<title>Erreur : Choisir votre mot de passe"))
        #expect(weak.body.contains("href=\"#password\""))
        #expect(!weak.body.contains("value=\"court\""), "a password is never sent back")

        let done = try browser.submit(path, from: path, form: [("password", "une phrase de passe bien longue")])
        #expect(done.status == 303)
        #expect(done.header("Location") == "/admin")
        #expect(try browser.get("/admin").status == 200, "logged in")

        var later = server.browser()
        let used = try later.get(path)
        #expect(used.status == 404)
        #expect(used.text.contains("Ce lien n'est plus valable"))
        #expect(!used.body.contains("type=\"password\""))
        let logIn = try later.submit("/connexion", from: "/connexion", form: [
            ("email", "claire.martin@cctoval.fr"), ("password", "une phrase de passe bien longue"),
        ])
        #expect(logIn.header("Location") == "/admin")
    }

    @Test func aReplacedOrExpiredLinkSaysSo() throws {
        let first = try issue()
        let second = try issue()
        var browser = server.browser()
        #expect(try browser.get(Self.path(of: first.url)).status == 404)
        let posted = try browser.submit(Self.path(of: second.url), from: Self.path(of: second.url), form: [("password", "x")])
        #expect(posted.status == 422, "the newer link works")
        let expired = try issue("paul.durand@cctoval.fr", now: Date().addingTimeInterval(-25 * 3600))
        #expect(try browser.get(Self.path(of: expired.url)).status == 404)
    }

    // MARK: The command

    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("portal-server")

    static func portalServer(_ arguments: [String]) throws -> ExternalTool.Output {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: executable.path])
        }
        return try ExternalTool(url: executable).run(arguments)
    }

    @Test func createAdminPrintsALinkAndRunningItAgainVoidsIt() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("create-admin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let arguments = ["create-admin", "--data", data.path, "--resources", PortalTestServer.resources.path,
                         "--email", "claire.martin@cctoval.fr", "--name", "Claire Martin", "--public-url", "https://demarches.cctoval.fr"]
        let first = try Self.portalServer(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("Compte administrateur : Claire Martin <claire.martin@cctoval.fr>."))
        let link = try #require(first.standardOutput.split(separator: "\n").first { $0.hasPrefix("https://demarches.cctoval.fr/activation/") })
        let second = try Self.portalServer(arguments)
        #expect(second.status == 0)
        let newer = try #require(second.standardOutput.split(separator: "\n").first { $0.hasPrefix("https://demarches.cctoval.fr/activation/") })
        #expect(newer != link)

        let accounts = Accounts(database: try PortalDatabase(path: data.appendingPathComponent("portal.sqlite").path))
        #expect(try accounts.account(activating: String(link.split(separator: "/").last!), now: Date()) == nil, "voided")
        #expect(try accounts.account(activating: String(newer.split(separator: "/").last!), now: Date())?.role == .admin)

        let wrong = try Self.portalServer(["create-admin", "--data", data.path, "--email", "pas une adresse", "--name", "Claire Martin"])
        #expect(wrong.status != 0)
        #expect(wrong.standardError.contains("Saisissez une adresse e-mail valide"))
    }

    @Test func theServerSaysHowToCreateTheFirstAdministrator() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("first-start-\(UUID().uuidString)")
        let data = folder.appendingPathComponent("data")
        let log = folder.appendingPathComponent("stderr.log")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else { throw CocoaError(.fileNoSuchFile) }
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--data", data.path, "--resources", PortalTestServer.resources.path, "--port", "0"]
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { #expect(Self.stop(process), "SIGTERM stops the server, even one sent while it starts") }
        let deadline = Date().addingTimeInterval(30)
        var text = ""
        while Date() < deadline, !text.contains("create-admin"), process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        #expect(text.contains("no administrator yet: create the first one with portal-server create-admin --data \(data.path) --email ADDRESS --name \"Prénom Nom\""), "\(text)")
    }

    /// Stops a server started by a test with SIGTERM, as a supervisor would; true when it ended by
    /// itself within 10 seconds, false when it had to be killed.
    static func stop(_ process: Process) -> Bool {
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard process.isRunning else { return process.terminationReason == .exit }
        kill(process.processIdentifier, SIGKILL)
        return false
    }
}
