import Foundation
import GRDB
import Logging
import PortalTestSupport
import Testing

/// A log handler that keeps the messages, for tests that read what was logged.
struct RecordingLogHandler: LogHandler {
    let messages: Box<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        messages.update { $0.append(event.message.description) }
    }
}

/// A database that fails during a page answers a 500 page with an incident reference, logged with the
/// error — never a 404 nor a logged-out visitor.
@Suite struct IncidentPageTests {
    @Test func aTableThatCannotBeReadGivesAnIncidentNotA404() throws {
        let log = Box<[String]>([])
        let server = try PortalTestServer(demo: true, logger: Logger(label: "test") { _ in RecordingLogHandler(messages: log) })
        var resident = try server.loggedIn("habitant@demo.cctoval.fr")
        #expect(try resident.get("/mon-espace/factures").status == 200)

        try server.database.pool.write { db in try db.execute(sql: "ALTER TABLE invoice RENAME TO invoice_gone") }
        let page = try resident.get("/mon-espace/factures")
        #expect(page.status == 500)
        #expect(page.text.contains("<h1>Une erreur s'est produite</h1>"))
        let reference = try #require(page.text.firstMatch(of: /donnez-lui cette référence : ([0-9A-F]{4}-[0-9A-F]{4})/)?.1)
        #expect(page.text.contains("Connecté(e) : Camille Martin"), "the person is still logged in")
        let line = try #require(log.current.first { $0.contains("incident \(reference)") })
        #expect(line.contains("GET /mon-espace/factures"))
        #expect(line.contains("no such table"))
    }

    @Test func aSessionStoreThatFailsGivesAnIncidentNotALoggedOutPage() throws {
        let log = Box<[String]>([])
        let server = try PortalTestServer(demo: true, logger: Logger(label: "test") { _ in RecordingLogHandler(messages: log) })
        var resident = try server.loggedIn("habitant@demo.cctoval.fr")
        try server.database.pool.write { db in try db.execute(sql: "ALTER TABLE session RENAME TO session_gone") }
        let page = try resident.get("/mon-espace")
        #expect(page.status == 500, "not a redirect to the log-in page")
        #expect(page.text.contains("donnez-lui cette référence"))
        #expect(log.current.contains { $0.contains("incident") && $0.contains("session lookup failed") })
    }
}
