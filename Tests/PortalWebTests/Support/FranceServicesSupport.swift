import Foundation
import GRDB
import PortalCore
import Testing

extension PortalTestServer {
    /// A browser logged in as a demo account.
    func loggedIn(_ login: String) throws -> Browser {
        var browser = browser()
        let response = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", DemoData.password)])
        #expect(response.status == 303, "\(login) logs in")
        return browser
    }

    /// The account id of a login.
    func accountId(_ login: String) throws -> Int64 {
        try #require(try database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE email = ?", arguments: [login]) })
    }

    /// The latest e-mail queued for `recipient`.
    func lastMail(to recipient: String) throws -> MailMessage {
        try #require(try Outbox(database: database).due(now: Date().addingTimeInterval(3600), limit: 1000)
            .last { $0.message.recipient == recipient }?.message)
    }
}

extension Browser {
    /// Records a mandate by signed summary through the resident's page; returns the page after it.
    mutating func recordSignedMandate(for residentId: Int64, families: [String], duration: String = "visite") throws -> PageResponse {
        let query = (families.map { "familles=\($0)" } + ["duree=\(duration)", "portee=1"]).joined(separator: "&")
        let consent = try get("/guichet/habitants/\(residentId)?\(query)")
        #expect(consent.status == 200)
        let recorded = try post("/guichet/habitants/\(residentId)/mandat", form: [("_csrf", consent.csrfToken ?? "")]
            + families.map { ("familles", $0) } + [("duree", duration), ("consentement", "signature"), ("lecture", "oui"), ("code", "")])
        #expect(recorded.status == 303)
        return try get(try #require(recorded.header("Location")))
    }
}
