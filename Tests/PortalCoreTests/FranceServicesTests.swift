import Foundation
import GRDB
import PortalCore
import Testing

@Suite("France Services: search, accounts made at the counter, mandates, the journal")
struct FranceServicesTests {
    let fixture: InvoiceFixture
    let franceServices: FranceServices
    var now: Date { fixture.now }
    var adviser: Account? { fixture.accounts["conseiller"] }
    var camille: Account? { fixture.accounts["habitant"] }

    init() throws {
        fixture = try InvoiceFixture()
        franceServices = FranceServices(database: fixture.database, catalogue: try Catalogue(database: fixture.database), links: TestLinks())
    }

    @Test("An adviser finds residents by name, e-mail or birth date, sees only name and commune, and every search is journaled")
    func search() throws {
        let found = try franceServices.search(name: "marti", email: "", birthDate: "", adviser: adviser, now: now)
        #expect(found.map(\.displayName) == ["Camille Martin"])
        #expect(found.first?.communeName == "Langeais")
        #expect(found.first?.hasMandate == false)
        #expect(try franceServices.search(name: "", email: " HABITANT@demo.cctoval.fr", birthDate: "", adviser: adviser, now: now).count == 1)
        #expect(try franceServices.search(name: "Lefèvre", email: "", birthDate: "", adviser: adviser, now: now).isEmpty, "agents are not residents")
        #expect(try franceServices.search(name: "%_", email: "", birthDate: "", adviser: adviser, now: now).isEmpty, "wildcards are literal")
        #expect { try franceServices.search(name: "", email: "", birthDate: "", adviser: adviser, now: now) } throws: { error in
            guard case FranceServicesError.invalid(let errors) = error else { return false }
            return errors["nom"] == "Saisissez au moins le nom, l'adresse e-mail ou la date de naissance de la personne."
        }
        for login in ["habitant", "agent.langeais", "admin"] {
            #expect(throws: FranceServicesError.notFound) { try franceServices.search(name: "Martin", email: "", birthDate: "", adviser: fixture.accounts[login], now: now) }
        }
        let journal = try franceServices.journal(ofAdviser: adviser)
        #expect(journal.count == 4)
        #expect(journal.last?.detail == "nom « marti » : 1 résultat")
        #expect(journal.allSatisfy { $0.action == .search && $0.residentAccountId == nil && $0.siteId == "france-services-langeais" })
    }

    @Test("Before a mandate, an adviser reads a resident's name and commune only; other accounts and roles get nothing")
    func residentBeforeAMandate() throws {
        let resident = try #require(camille)
        let seen = try franceServices.resident(resident.id, adviser: adviser, now: now)
        #expect(seen.accountId == resident.id && seen.displayName == "Camille Martin" && seen.communeName == "Langeais" && !seen.hasMandate)
        _ = try franceServices.recordMandate(.init(families: ["famille"], duration: "visite", consent: "signature", readAndSigned: true),
                                      for: resident.id, adviser: adviser, now: now)
        #expect(try franceServices.resident(resident.id, adviser: adviser, now: now).hasMandate)
        #expect(try !franceServices.resident(resident.id, adviser: adviser, now: now.addingTimeInterval(86400)).hasMandate, "the visit's mandate ended")
        #expect(throws: FranceServicesError.notFound, "an agent is not a resident") {
            try franceServices.resident(try #require(fixture.accounts["agent.langeais"]).id, adviser: adviser, now: now)
        }
        for login in ["habitant", "agent.langeais", "admin"] {
            #expect(throws: FranceServicesError.notFound) { try franceServices.resident(resident.id, adviser: fixture.accounts[login], now: now) }
        }
        #expect(try franceServices.journal(ofAdviser: adviser).map(\.action) == [.mandateRecorded], "reading is not journaled")
    }

    @Test("The récépissé of a visit: what the site recorded for the resident that day, oldest first")
    func visit() throws {
        let resident = try #require(camille)
        let mandate = try franceServices.recordMandate(.init(families: ["famille"], duration: "1-mois", consent: "signature", readAndSigned: true),
                                                for: resident.id, adviser: adviser, now: now)
        try franceServices.record("Demande CC-7K3-M9Q déposée", for: resident.id, under: mandate, adviser: adviser, now: now.addingTimeInterval(60))
        try franceServices.record("Le lendemain", for: resident.id, under: mandate, adviser: adviser, now: now.addingTimeInterval(86400))
        _ = try franceServices.search(name: "Martin", email: "", birthDate: "", adviser: adviser, now: now)
        let visit = try franceServices.visit(of: resident.id, adviser: adviser, now: now.addingTimeInterval(120))
        #expect(visit.map(\.action) == [.mandateRecorded, .actedFor])
        #expect(visit.last?.detail == "Demande CC-7K3-M9Q déposée")
        #expect(try franceServices.visit(of: resident.id, adviser: adviser, now: now.addingTimeInterval(86400)).map(\.detail) == ["Le lendemain"])
        #expect(throws: FranceServicesError.notFound) { try franceServices.visit(of: resident.id, adviser: fixture.accounts["agent.langeais"], now: now) }
        #expect(throws: FranceServicesError.notFound) {
            try franceServices.visit(of: try #require(fixture.accounts["agent.langeais"]).id, adviser: adviser, now: now)
        }
    }

    @Test("An account made at the counter has no password until the resident chooses one with the code; the adviser never knows it")
    func accountAtTheCounter() throws {
        let created = try franceServices.createAccount(displayName: "Marcel Petit", email: "marcel.petit@example.org", communeInsee: "37123",
                                                birthDate: "12/05/1948", adviser: adviser, now: now)
        #expect(created.activationCode.count == 9)
        let accounts = Accounts(database: fixture.database, hasher: TestSupport.hasher)
        guard case .failure = try accounts.logIn(email: "marcel.petit@example.org", password: "!", remoteAddress: "192.0.2.1", now: now) else {
            Issue.record("no password works before activation")
            return
        }
        #expect(try franceServices.search(name: "", email: "", birthDate: "12/05/1948", adviser: adviser, now: now).map(\.displayName) == ["Marcel Petit"])
        let mail = try #require(try fixture.outbox.due(now: now).last?.message)
        #expect(mail.recipient == "marcel.petit@example.org")
        #expect(mail.textBody.contains(created.activationCode))
        #expect { try accounts.activate(email: "marcel.petit@example.org", code: "AAAA-AAAA", password: "une phrase de passe solide",
                                        remoteAddress: "192.0.2.1", now: now) } throws: { error in
            guard case FranceServicesError.invalid(let errors) = error else { return false }
            return errors["code"]?.hasPrefix("Cette adresse e-mail et ce code ne correspondent pas") == true
        }
        _ = try accounts.activate(email: "Marcel.Petit@example.org", code: created.activationCode.lowercased().replacingOccurrences(of: "-", with: " "),
                                  password: "une phrase de passe solide", remoteAddress: "192.0.2.1", now: now)
        guard case .success = try accounts.logIn(email: "marcel.petit@example.org", password: "une phrase de passe solide",
                                                 remoteAddress: "192.0.2.1", now: now) else {
            Issue.record("the chosen password works")
            return
        }
        #expect(throws: FranceServicesError.self, "the code serves once") {
            try accounts.activate(email: "marcel.petit@example.org", code: created.activationCode, password: "une autre phrase de passe",
                                  remoteAddress: "192.0.2.1", now: now)
        }
        #expect { try franceServices.createAccount(displayName: "Camille", email: "habitant@demo.cctoval.fr", communeInsee: "37123",
                                            birthDate: "01/01/1980", adviser: adviser, now: now) } throws: { error in
            guard case FranceServicesError.invalid(let errors) = error else { return false }
            return errors["email"]?.hasPrefix("Un compte existe déjà") == true
        }
        #expect(try franceServices.journal(of: try accounts.account(id: created.account.id)).map(\.action) == [.accountCreated])
    }

    @Test("A mandate needs consent (signature or e-mailed code), families and a duration; it covers only them, until it ends or is revoked")
    func mandates() throws {
        let resident = try #require(camille)
        #expect(throws: FranceServicesError.noMandate) { try franceServices.actingAccount(for: resident.id, family: .family, adviser: adviser, now: now) }
        #expect { try franceServices.recordMandate(.init(families: [], duration: "", consent: "signature"), for: resident.id, adviser: adviser, now: now) }
            throws: { error in
                guard case FranceServicesError.invalid(let errors) = error else { return false }
                return errors.errors.map(\.field) == ["familles", "duree", "lecture"]
            }
        let signed = try franceServices.recordMandate(.init(families: ["famille", "paiements"], duration: "visite", consent: "signature",
                                                     readAndSigned: true), for: resident.id, adviser: adviser, now: now)
        let (acting, mandate) = try franceServices.actingAccount(for: resident.id, family: .family, adviser: adviser, now: now)
        #expect(acting.id == resident.id)
        #expect(mandate == signed)
        #expect(throws: FranceServicesError.noMandate, "outside its families") {
            try franceServices.actingAccount(for: resident.id, family: .planning, adviser: adviser, now: now)
        }
        #expect(throws: FranceServicesError.noMandate, "after the visit's day") {
            try franceServices.actingAccount(for: resident.id, family: .family, adviser: adviser, now: now.addingTimeInterval(86400))
        }
        #expect(try franceServices.search(name: "Martin", email: "", birthDate: "", adviser: adviser, now: now).first?.hasMandate == true)

        // By code: a wrong code is refused; the right one, once.
        let code = try franceServices.sendConsentCode(to: resident.id, adviser: adviser, now: now)
        #expect(try fixture.outbox.due(now: now).last?.message.textBody.contains(code) == true)
        #expect { try franceServices.recordMandate(.init(families: ["urbanisme"], duration: "1-mois", consent: "code", code: "AAA-AAA"),
                                            for: resident.id, adviser: adviser, now: now) } throws: { error in
            guard case FranceServicesError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["code"]
        }
        let coded = try franceServices.recordMandate(.init(families: ["urbanisme"], duration: "1-mois", consent: "code", code: code),
                                              for: resident.id, adviser: adviser, now: now.addingTimeInterval(60))
        #expect(try franceServices.actingAccount(for: resident.id, family: .planning, adviser: adviser, now: now.addingTimeInterval(20 * 86400)).1 == coded)
        #expect(throws: FranceServicesError.self, "a code serves once") {
            try franceServices.recordMandate(.init(families: ["urbanisme"], duration: "1-mois", consent: "code", code: code),
                                      for: resident.id, adviser: adviser, now: now.addingTimeInterval(120))
        }
        // The resident revokes it; it stops at once. Others cannot.
        #expect(throws: FranceServicesError.notFound) { try franceServices.revoke(coded.id, actor: fixture.accounts["habitante.bourgueil"], now: now) }
        #expect(throws: FranceServicesError.notFound) { try franceServices.revoke(coded.id, actor: fixture.accounts["agent.langeais"], now: now) }
        _ = try franceServices.revoke(coded.id, actor: resident, now: now.addingTimeInterval(180))
        #expect(throws: FranceServicesError.noMandate) {
            try franceServices.actingAccount(for: resident.id, family: .planning, adviser: adviser, now: now.addingTimeInterval(240))
        }
        #expect(try franceServices.mandates(of: resident.id, actor: resident, now: now).count == 2)
        #expect(throws: FranceServicesError.notFound) { try franceServices.mandates(of: resident.id, actor: fixture.accounts["habitante.bourgueil"], now: now) }

        try franceServices.record("Demande CC-7K3-M9Q déposée", for: resident.id, under: signed, adviser: adviser, now: now.addingTimeInterval(300))
        #expect(throws: FranceServicesError.noMandate) {
            try franceServices.record("x", for: try #require(fixture.accounts["habitante.bourgueil"]).id, under: signed, adviser: adviser, now: now)
        }
        let journal = try franceServices.journal(of: resident)
        #expect(journal.map(\.action) == [.actedFor, .mandateRevoked, .mandateRecorded, .consentCodeSent, .mandateRecorded])
        #expect(journal.first?.adviserName == "Karim Benali")
        #expect(journal.first?.detail == "Demande CC-7K3-M9Q déposée")
        #expect(try franceServices.journal(of: fixture.accounts["habitante.bourgueil"]).isEmpty)
    }

    @Test("Under a mandate the adviser files a dossier for the resident: it is theirs, filed at the counter, and the timeline says by whom")
    func actingUnderAMandate() throws {
        let resident = try #require(camille)
        let dossiers = try Dossiers(database: fixture.database, catalogue: try Catalogue(database: fixture.database), links: TestLinks())
        try dossiers.forms.publish(DossierFlowTests.cantineForm, now: now)
        let mandate = try franceServices.recordMandate(.init(families: ["famille"], duration: "visite", consent: "signature", readAndSigned: true),
                                                for: resident.id, adviser: adviser, now: now)
        let (acting, _) = try franceServices.actingAccount(for: resident.id, family: .family, adviser: adviser, now: now)
        #expect(acting.franceServicesAdviser?.name == "Karim Benali")
        let validator = FormValidator(communeCodes: ["37123"], today: CalendarDay(now))
        let draft = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: acting, now: now)
        _ = try dossiers.answer(page: "enfant", of: draft.id, input: FormInput(["prenom": ["Léo"], "allergie": ["non"]]),
                                validator: validator, actor: acting, now: now)
        let filed = try dossiers.submit(draft.id, actor: acting, now: now)
        try franceServices.record("Demande \(filed.reference) déposée", for: resident.id, under: mandate, adviser: adviser, now: now)
        #expect(filed.accountId == resident.id)
        #expect(filed.channel == .counter)
        let timeline = try dossiers.timeline(of: filed.id, actor: resident, now: now)
        #expect(timeline.map(\.adviserName) == ["Karim Benali", "Karim Benali"])
        #expect(try dossiers.dossiers(of: resident, now: now).map(\.id) == [filed.id])
        #expect(try franceServices.journal(of: resident).first?.detail == "Demande \(filed.reference) déposée")
        // Filed by the resident online, a dossier says so.
        let own = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: resident, now: now)
        _ = try dossiers.answer(page: "enfant", of: own.id, input: FormInput(["prenom": ["Zoé"], "allergie": ["non"]]),
                                validator: validator, actor: resident, now: now)
        #expect(try dossiers.submit(own.id, actor: resident, now: now).channel == .online)
    }

    @Test("The core refuses what the mandate does not cover, and everything once it is revoked; an adviser never pays")
    func scopeInTheCore() throws {
        let resident = try #require(camille)
        let dossiers = try Dossiers(database: fixture.database, catalogue: try Catalogue(database: fixture.database), links: TestLinks())
        try dossiers.forms.publish(DossierFlowTests.cantineForm, now: now)
        let households = try Households(database: fixture.database, links: TestLinks())
        let invoice = try fixture.issuedInvoice()
        let familyOnly = try franceServices.recordMandate(.init(families: ["famille"], duration: "1-mois", consent: "signature", readAndSigned: true),
                                                   for: resident.id, adviser: adviser, now: now)
        let (acting, _) = try franceServices.actingAccount(for: resident.id, family: .family, adviser: adviser, now: now)
        // Within: the household and a family procedure.
        _ = try households.household(of: acting, now: now)
        let draft = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: acting, now: now)
        // Outside: invoices (payments) and a procedure of another family.
        #expect(throws: InvoiceError.notFound) { try fixture.invoices.invoices(of: acting, now: now) }
        #expect(throws: InvoiceError.notFound) { try fixture.invoices.detail(invoice.id, actor: acting, now: now) }
        #expect(throws: DossierError.notFound) { try dossiers.startDraft(procedureSlug: "acte-de-naissance", actor: acting, now: now) }
        // With payments covered, invoices are seen but never paid by the adviser.
        _ = try franceServices.recordMandate(.init(families: ["paiements"], duration: "visite", consent: "signature", readAndSigned: true),
                                      for: resident.id, adviser: adviser, now: now)
        let (payer, _) = try franceServices.actingAccount(for: resident.id, family: .payments, adviser: adviser, now: now)
        #expect(try fixture.invoices.invoices(of: payer, now: now).toPay.map(\.id) == [invoice.id])
        let harness = try SimulatorHarness(database: fixture.database, now: now)
        #expect(throws: InvoiceError.notFound) {
            try fixture.invoices.startOnlinePayment(invoice.id, actor: payer, provider: harness.simulator,
                                                    returnURLs: SimulatorHarness.returnURLs, now: now)
        }
        // Revoked: the account obtained before is refused everywhere at once.
        _ = try franceServices.revoke(familyOnly.id, actor: resident, now: now.addingTimeInterval(60))
        #expect(throws: DossierError.notFound) { try dossiers.dossier(id: draft.id, actor: acting, now: now.addingTimeInterval(120)) }
        #expect(throws: HouseholdError.notFound) { try households.household(of: acting, now: now.addingTimeInterval(120)) }
        // The resident themself is not affected.
        #expect(try dossiers.dossier(id: draft.id, actor: resident, now: now.addingTimeInterval(120)).id == draft.id)
    }

    @Test("Guessing activation codes is throttled as log-ins are")
    func activationThrottled() throws {
        let created = try franceServices.createAccount(displayName: "Marcel Petit", email: "marcel.petit@example.org", communeInsee: "37123",
                                                birthDate: "12/05/1948", adviser: adviser, now: now)
        let accounts = Accounts(database: fixture.database, hasher: TestSupport.hasher)
        for _ in 0..<Accounts.maximumFailuresPerEmail {
            #expect(throws: FranceServicesError.self) {
                try accounts.activate(email: "marcel.petit@example.org", code: "AAAA-AAAA", password: "une phrase de passe solide",
                                      remoteAddress: "192.0.2.7", now: now)
            }
        }
        #expect { try accounts.activate(email: "marcel.petit@example.org", code: created.activationCode, password: "une phrase de passe solide",
                                        remoteAddress: "192.0.2.7", now: now) } throws: { error in
            guard case FranceServicesError.invalid(let errors) = error else { return false }
            return errors["code"] == LogInResult.throttledMessage
        }
        _ = try accounts.activate(email: "marcel.petit@example.org", code: created.activationCode, password: "une phrase de passe solide",
                                  remoteAddress: "192.0.2.7", now: now.addingTimeInterval(Accounts.throttleWindow + 1))
    }
}
