import Foundation
import GRDB
import Testing
@testable import PortalCore

/// A stored status the code does not know fails loudly instead of reading as a default.
@Suite struct StoredValueTests {
    @Test func anUnknownInvoiceStatusIsAnErrorNotAnInvoiceToPay() throws {
        let fixture = try InvoiceFixture()
        let invoice = try fixture.issuedInvoice()
        try fixture.database.pool.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE invoice SET status = 'en_litige' WHERE id = ?", arguments: [invoice.id])
        }
        #expect(throws: StoredValueError.self) {
            try fixture.invoices.detail(invoice.id, actor: fixture.accounts["habitant"], now: fixture.now)
        }
        #expect(throws: StoredValueError.self) {
            try fixture.invoices.invoices(of: fixture.accounts["habitant"], now: fixture.now)
        }
    }

    @Test func anUnknownRoleIsAnErrorNotAResident() throws {
        let fixture = try InvoiceFixture()
        let id = try #require(fixture.accounts["agent.langeais"]?.id)
        try fixture.database.pool.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE account SET role = 'superviseur' WHERE id = ?", arguments: [id])
        }
        let error = #expect(throws: StoredValueError.self) {
            try Accounts(database: fixture.database, hasher: TestSupport.hasher).logIn(
                email: "agent.langeais@demo.cctoval.fr", password: DemoData.password, remoteAddress: "192.0.2.9", now: fixture.now)
        }
        #expect(error?.description == "unknown value \"superviseur\" in account.role")
    }
}
