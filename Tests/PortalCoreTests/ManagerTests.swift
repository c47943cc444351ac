import Foundation
import GRDB
@testable import PortalCore
import Testing

/// An organisation manager processes its dossiers like an agent and keeps, in the administration,
/// its own details, agents and journal; nothing of another organisation.
@Suite struct ManagerTests {
    let database: PortalDatabase
    let accounts: Accounts
    let catalogue: Catalogue
    let now = TestSupport.now
    var logins: [String: Account] = [:]

    init() throws {
        database = try TestSupport.database(seed: TestSupport.realSeed)
        _ = try DemoData.install(into: database, hasher: TestSupport.hasher)
        accounts = Accounts(database: database, hasher: TestSupport.hasher)
        catalogue = try Catalogue(database: database)
        for login in ["responsable.bourgueil", "agent.bourgueil", "agent.langeais", "admin"] {
            guard case .success(let account, _) = try accounts.logIn(email: "\(login)@demo.cctoval.fr", password: DemoData.password,
                                                                     remoteAddress: "192.0.2.1", now: now) else { throw AccessError.notFound }
            logins[login] = account
        }
    }

    var manager: Account { logins["responsable.bourgueil"]! }

    func invite(_ email: String, organisations: [String], role: Role = .agent, by actor: Account) throws -> AccountLink.Issued {
        try accounts.invite(StaffInvitation(email: email, name: "Anne Morel", role: role, organisationIds: organisations),
                            by: actor, links: TestLinks(), now: now)
    }

    func errors(_ body: () throws -> Void) -> ValidationErrors? {
        do {
            try body()
        } catch StaffAccountError.invalid(let errors) {
            return errors
        } catch {
            Issue.record("unexpected \(error)")
        }
        return nil
    }

    @Test func aManagerKeepsTheirOwnOrganisationOnly() throws {
        #expect(try catalogue.organisationsToEdit(actor: manager).map(\.id) == ["mairie-37031"])
        #expect(throws: AccessError.notFound) { try catalogue.organisationToEdit("mairie-37123", actor: manager) }
        var form = OrganisationForm(try catalogue.organisationToEdit("mairie-37031", actor: manager), today: CalendarDay(now))
        form.phone = "0247977000"
        #expect(try catalogue.update(organisation: "mairie-37031", with: form, by: manager, now: now).phone == "02 47 97 70 00")
        #expect(try !catalogue.entriesToVerify(actor: manager).isEmpty, "Bourgueil carries a note for the team")
        #expect(try catalogue.entriesToVerify(actor: manager).allSatisfy {
            if case .organisation(let organisation) = $0.subject { organisation.id == "mairie-37031" } else { false }
        }, "no procedure, no other organisation")
    }

    @Test func aManagerSeesAndInvitesTheirOrganisationsAgentsOnly() throws {
        #expect(try accounts.staff(actor: manager, now: now).map(\.account.email).sorted()
                == ["agent.bourgueil@demo.cctoval.fr", "responsable.bourgueil@demo.cctoval.fr"])
        _ = try invite("anne.morel@bourgueil.fr", organisations: ["mairie-37031"], by: manager)
        #expect(errors { _ = try invite("x@langeais.fr", organisations: ["mairie-37123"], by: manager) }?["organisation"]
                == "Choisissez parmi vos organisations.")
        #expect(errors { _ = try invite("y@cctoval.fr", organisations: [], role: .admin, by: manager) }?["role"] != nil)
        #expect(throws: AccessError.notFound, "an agent of another mairie is not theirs") {
            try accounts.staffMember(logins["agent.langeais"]!.id, by: manager, now: now)
        }
    }

    @Test func aSharedSecretaryLosesOnlyTheManagersMairieAndIsNotDeactivatedByThem() throws {
        let shared = try invite("secretariat@example.fr", organisations: ["mairie-37123", "mairie-37031"], by: logins["admin"]!).account
        #expect(throws: StaffAccountError.sharedAccount) { try accounts.deactivate(shared.id, by: manager, now: now) }
        let changed = try accounts.change(shared.id, to: StaffChange(name: "Anne Morel", role: .agent, organisationIds: []),
                                          by: manager, now: now)
        #expect(changed.organisationIds == ["mairie-37123"], "Langeais stays: it is not the manager's")
        #expect(throws: AccessError.notFound, "no longer theirs") { try accounts.staffMember(shared.id, by: manager, now: now) }
        try accounts.deactivate(logins["agent.bourgueil"]!.id, by: manager, now: now)
    }

    @Test func aManagerReadsTheirOrganisationsJournalAndProcessesItsDossiers() throws {
        var form = OrganisationForm(try catalogue.organisationToEdit("mairie-37123", actor: logins["admin"]), today: CalendarDay(now))
        form.phone = "0247000001"
        _ = try catalogue.update(organisation: "mairie-37123", with: form, by: logins["admin"], now: now)
        let journal = Journal(database: database)
        let lines = try journal.entries(Journal.Filter(), by: manager).entries
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.subject.organisationId == "mairie-37031" })
        #expect(try journal.entries(Journal.Filter(subjectKind: "organisation"), by: logins["admin"]).entries.count == 1)
        #expect(throws: AccessError.notFound) { try journal.entries(Journal.Filter(), by: logins["agent.bourgueil"]) }

        let dossiers = try Dossiers(database: database, catalogue: catalogue, links: TestLinks())
        #expect(try dossiers.queue(QueueFilter(), actor: manager, now: now).total
                == dossiers.queue(QueueFilter(), actor: logins["agent.bourgueil"], now: now).total)
    }
}

/// A régie's numbering code no longer changes once it has invoices: their numbers stay unique.
@Suite struct RegieSettingsTests {
    @Test func anIssuedCodeStaysAndOnlyAdministratorsChangeARegie() throws {
        let database = try TestSupport.database(seed: TestSupport.realSeed)
        _ = try DemoData.install(into: database, hasher: TestSupport.hasher)
        let catalogue = try Catalogue(database: database)
        try RegieSeed.install(from: TestSupport.realSeed.appendingPathComponent("regies.json"), catalogue: catalogue, into: database)
        let accounts = Accounts(database: database, hasher: TestSupport.hasher)
        func logIn(_ login: String) throws -> Account {
            guard case .success(let account, _) = try accounts.logIn(email: "\(login)@demo.cctoval.fr", password: DemoData.password,
                                                                     remoteAddress: "192.0.2.1", now: TestSupport.now) else { throw AccessError.notFound }
            return account
        }
        let (admin, agent) = (try logIn("admin"), try logIn("agent.dechets"))
        let invoices = Invoices(database: database, catalogue: catalogue, links: TestLinks())
        _ = try invoices.issue(InvoiceForm(regieId: "dechets", payerEmail: "habitant@demo.cctoval.fr", object: "Bac", dueOn: "2026-04-30",
                                           lines: [.init(label: "Bac de 240 litres", period: "", quantity: "1", unitPrice: "30,00")]),
                               actor: agent, now: TestSupport.now)
        var form = RegieForm(try invoices.regieToEdit("dechets", actor: admin).regie, billers: [])
        form.numberingCode = "DCH"
        do {
            _ = try invoices.update(regie: "dechets", with: form, by: admin, now: TestSupport.now)
            Issue.record("the code changed")
        } catch let errors as ValidationErrors {
            #expect(errors["numberingCode"]?.hasPrefix("Des factures portent déjà le code DEC") == true)
        }
        #expect(throws: AccessError.notFound) { try invoices.regiesToEdit(actor: agent) }
        #expect(throws: AccessError.notFound) { try invoices.regieToEdit("dechets", actor: try logIn("responsable.bourgueil")) }
    }
}
