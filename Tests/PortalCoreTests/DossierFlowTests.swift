import Foundation
import PortalCore
import Testing

/// A resident files a cantine request online; the mairie handling it processes it.
@Suite("Dossiers: drafts, filing, routing, processing and who may see what")
struct DossierFlowTests {
    let dossiers: Dossiers
    let accounts: [String: Account]
    let validator = FormValidator(communeCodes: ["37123", "37031", "37036"], today: CalendarDay(year: 2026, month: 3, day: 1)!)
    let now = TestSupport.now

    static let cantineForm = FormDefinition(procedureSlug: "inscription-cantine", version: 0, pages: [
        FormPage(id: "enfant", title: "Votre enfant", fields: [
            FieldDefinition(id: "prenom", kind: .shortText, label: "Prénom de l'enfant"),
            FieldDefinition(id: "allergie", kind: .yesNo, label: "Votre enfant a-t-il une allergie alimentaire ?"),
        ]),
        FormPage(id: "allergie-detail", title: "L'allergie", fields: [
            FieldDefinition(id: "pai", kind: .longText, label: "Décrivez l'allergie"),
        ], condition: ShowCondition(field: "allergie", isOneOf: ["oui"])),
    ])

    init() throws {
        let database = try TestSupport.database(seed: TestSupport.realSeed)
        _ = try DemoData.install(into: database, hasher: TestSupport.hasher)
        let logIns = Accounts(database: database, hasher: TestSupport.hasher)
        var accounts: [String: Account] = [:]
        for login in ["habitant", "habitante.bourgueil", "agent.langeais", "agent.bourgueil", "conseiller", "admin"] {
            guard case .success(let account, _) = try logIns.logIn(
                email: "\(login)@demo.cctoval.fr", password: DemoData.password, remoteAddress: "192.0.2.9", now: TestSupport.now)
            else { throw DossierError.notFound }
            accounts[login] = account
        }
        self.accounts = accounts
        dossiers = try Dossiers(database: database, catalogue: try Catalogue(database: database), links: TestLinks())
        try dossiers.forms.publish(Self.cantineForm, now: TestSupport.now)
    }

    /// A cantine dossier of the Langeais resident, filed a minute after `start`.
    func filedCantineDossier(at start: Date? = nil) throws -> Dossier {
        let resident = accounts["habitant"]
        let start = start ?? now
        let draft = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: resident, now: start)
        let page = try dossiers.answer(page: "enfant", of: draft.id, input: FormInput(["prenom": ["Léo"], "allergie": ["non"]]),
                                       validator: validator, actor: resident, now: start)
        #expect(page.errors.isEmpty)
        return try dossiers.submit(draft.id, actor: resident, now: start.addingTimeInterval(60))
    }

    @Test("A complete draft is filed once, dated and routed to the resident's mairie")
    func fileAndRoute() throws {
        let filed = try filedCantineDossier()
        #expect(filed.status == .filed)
        #expect(filed.organisationId == "mairie-37123")
        #expect(filed.filedAt == now.addingTimeInterval(60))
        #expect(filed.draftExpiresAt == nil)
        // Silence means acceptance two calendar months after filing (the default rule), counted in
        // France: filed 1 March 2026 at 11:01 in Paris, due 1 May at 11:01 in Paris, which is
        // 09:01 UTC after the change to summer time.
        #expect(filed.decisionDueAt == now.addingTimeInterval(60 + 61 * 24 * 3600 - 3600))
        #expect(DossierReference.normalise(filed.reference) == filed.reference)
        // Filing again (double click, replay) returns the same dossier and adds nothing.
        let again = try dossiers.submit(filed.id, actor: accounts["habitant"], now: now.addingTimeInterval(120))
        #expect(again == filed)
        #expect(try dossiers.dossiers(of: accounts["habitant"], now: now).count == 1)
        let kinds = try dossiers.timeline(of: filed.id, actor: accounts["habitant"], now: now).map(\.kind)
        #expect(kinds == [.started, .filed])
    }

    @Test("A draft with an unanswered page cannot be filed, and a page shown by an answer is required")
    func incomplete() throws {
        let resident = accounts["habitant"]
        let draft = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: resident, now: now)
        #expect(throws: DossierError.incomplete(pageId: "enfant")) { try dossiers.submit(draft.id, actor: resident, now: now) }
        _ = try dossiers.answer(page: "enfant", of: draft.id, input: FormInput(["prenom": ["Léo"], "allergie": ["oui"]]),
                                validator: validator, actor: resident, now: now)
        #expect(throws: DossierError.incomplete(pageId: "allergie-detail")) { try dossiers.submit(draft.id, actor: resident, now: now) }
    }

    @Test("Wrong answers are not saved; the draft keeps its earlier answers")
    func invalidPageNotSaved() throws {
        let resident = accounts["habitant"]
        let draft = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: resident, now: now)
        _ = try dossiers.answer(page: "enfant", of: draft.id, input: FormInput(["prenom": ["Léo"], "allergie": ["non"]]),
                                validator: validator, actor: resident, now: now)
        let wrong = try dossiers.answer(page: "enfant", of: draft.id, input: FormInput(["prenom": [""], "allergie": ["peut-être"]]),
                                        validator: validator, actor: resident, now: now)
        #expect(wrong.errors.errors.map(\.field) == ["prenom", "allergie"])
        #expect(try dossiers.dossier(id: draft.id, actor: resident, now: now).answers["prenom"] == .text("Léo"))
    }

    @Test("A procedure handled by a neighbouring mairie is routed there")
    func neighbouringMairie() throws {
        let logIns = Accounts(database: dossiers.database, hasher: TestSupport.hasher)
        let braye = try logIns.signUp(SignUpForm(email: "braye@example.fr", password: "une phrase de passe solide",
                                                 displayName: "Nina", communeInsee: "37036"), now: now)
        let draft = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: braye, now: now)
        _ = try dossiers.answer(page: "enfant", of: draft.id, input: FormInput(["prenom": ["Zoé"], "allergie": ["non"]]),
                                validator: validator, actor: braye, now: now)
        #expect(try dossiers.submit(draft.id, actor: braye, now: now).organisationId == "mairie-37146")
    }

    @Test("Each role sees only what it should: 404 for everyone else")
    func visibility() throws {
        let filed = try filedCantineDossier()
        #expect(try dossiers.dossier(id: filed.id, actor: accounts["agent.langeais"], now: now).id == filed.id)
        for other in ["habitante.bourgueil", "agent.bourgueil", "conseiller", "admin"] {
            #expect(throws: DossierError.notFound, "\(other)") { try dossiers.dossier(id: filed.id, actor: accounts[other], now: now) }
        }
        #expect(throws: DossierError.notFound) { try dossiers.dossier(id: filed.id, actor: nil, now: now) }
        #expect(throws: DossierError.notFound) { try dossiers.dossier(id: 999_999, actor: accounts["habitant"], now: now) }
        // A draft is the resident's alone, even for the mairie that will handle it.
        let draft = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: accounts["habitant"], now: now)
        #expect(throws: DossierError.notFound) { try dossiers.dossier(id: draft.id, actor: accounts["agent.langeais"], now: now) }
        #expect(throws: DossierError.notFound) { try dossiers.submit(draft.id, actor: accounts["habitante.bourgueil"], now: now) }
    }

    @Test("The agent processes the dossier; nonsense and missing reasons are refused")
    func processing() throws {
        let filed = try filedCantineDossier()
        let agent = accounts["agent.langeais"]
        let later = now.addingTimeInterval(3600)
        #expect(throws: DossierError.invalidTransition(from: .filed)) {
            try dossiers.perform(.documentsComplete, on: filed.id, actor: agent, now: later)
        }
        let taken = try dossiers.perform(.takeInCharge, on: filed.id, actor: agent, now: later)
        #expect(taken.status == .inReview)
        #expect(taken.assignedAgentId == agent?.id)
        #expect(throws: DossierError.reasonRequired) { try dossiers.perform(.refuse(reason: "  "), on: filed.id, actor: agent, now: later) }
        let refused = try dossiers.perform(.refuse(reason: "Plus de place à la cantine le jeudi."), on: filed.id, actor: agent, now: later)
        #expect(refused.status == .refused)
        #expect(throws: DossierError.notFound) {
            try dossiers.perform(.reopen, on: filed.id, actor: accounts["agent.bourgueil"], now: now)
        }
        #expect(throws: DossierError.notFound) { try dossiers.perform(.accept, on: filed.id, actor: accounts["habitant"], now: now) }
        let events = try dossiers.timeline(of: filed.id, actor: accounts["habitant"], now: now)
        #expect(events.last?.text == "Plus de place à la cantine le jeudi.")
        #expect(events.last?.toStatus == .refused)
    }

    @Test("A message from the service waits on the resident's list until answered, for 30 days, on open dossiers")
    func messagesAwaitingReply() throws {
        let filed = try filedCantineDossier()
        let resident = accounts["habitant"], agent = accounts["agent.langeais"]
        let later = now.addingTimeInterval(3600)
        #expect(try dossiers.messagesAwaitingReply(of: resident, now: later).isEmpty)
        try dossiers.sendMessage("Pouvez-vous préciser l'école ?", on: filed.id, actor: agent, now: later)
        let waiting = try dossiers.messagesAwaitingReply(of: resident, now: later)
        #expect(waiting.map(\.0.id) == [filed.id])
        #expect(waiting.first?.1 == later)
        #expect(try dossiers.messagesAwaitingReply(of: accounts["habitante.bourgueil"], now: later).isEmpty)
        #expect(throws: DossierError.notFound) { try dossiers.messagesAwaitingReply(of: agent, now: later) }
        #expect(try dossiers.messagesAwaitingReply(of: resident, now: later.addingTimeInterval(31 * 86400)).isEmpty)
        try dossiers.sendMessage("L'école Anne de Bretagne.", on: filed.id, actor: resident, now: later.addingTimeInterval(60))
        #expect(try dossiers.messagesAwaitingReply(of: resident, now: later.addingTimeInterval(120)).isEmpty)
        try dossiers.sendMessage("Merci, c'est noté.", on: filed.id, actor: agent, now: later.addingTimeInterval(180))
        #expect(try dossiers.messagesAwaitingReply(of: resident, now: later.addingTimeInterval(240)).count == 1)
        _ = try dossiers.perform(.takeInCharge, on: filed.id, actor: agent, now: later.addingTimeInterval(300))
        _ = try dossiers.perform(.accept, on: filed.id, actor: agent, now: later.addingTimeInterval(300))
        #expect(try dossiers.messagesAwaitingReply(of: resident, now: later.addingTimeInterval(360)).isEmpty, "closed")
    }

    @Test("Drafts expire after 100 days untouched; answering a page starts the count again")
    func draftExpiry() throws {
        let resident = accounts["habitant"]
        let draft = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: resident, now: now)
        let day = TimeInterval(24 * 3600)
        _ = try dossiers.answer(page: "enfant", of: draft.id, input: FormInput(["prenom": ["Léo"], "allergie": ["non"]]),
                                validator: validator, actor: resident, now: now.addingTimeInterval(50 * day))
        #expect(try dossiers.dossiers(of: resident, now: now.addingTimeInterval(140 * day)).count == 1)
        #expect(try dossiers.dossiers(of: resident, now: now.addingTimeInterval(151 * day)).isEmpty)
        #expect(throws: DossierError.notFound) { try dossiers.dossier(id: draft.id, actor: resident, now: now.addingTimeInterval(151 * day)) }
        #expect(try dossiers.purgeExpiredDrafts(now: now.addingTimeInterval(140 * day)) == 0)
        #expect(try dossiers.purgeExpiredDrafts(now: now.addingTimeInterval(151 * day)) == 1)
    }

    @Test("A new form version leaves dossiers on the version they were started with")
    func versions() throws {
        let filed = try filedCantineDossier()
        var changed = Self.cantineForm
        changed.pages[0].fields.append(FieldDefinition(id: "classe", kind: .shortText, label: "Classe"))
        let published = try dossiers.forms.publish(changed, now: now)
        #expect(published.version == filed.formVersion + 1)
        #expect(try dossiers.forms.publish(changed, now: now).version == published.version, "republishing the same pages adds nothing")
        #expect(try dossiers.form(of: filed).allFields.map(\.id) == ["prenom", "allergie", "pai"])
    }

    @Test("Only residents start drafts, for procedures online and offered in their commune")
    func startRules() throws {
        #expect(throws: DossierError.notFound) { try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: accounts["agent.langeais"], now: now) }
        #expect(throws: DossierError.procedureNotOnline) { try dossiers.startDraft(procedureSlug: "passeport", actor: accounts["habitant"], now: now) }
        let logIns = Accounts(database: dossiers.database, hasher: TestSupport.hasher)
        let luble = try logIns.signUp(SignUpForm(email: "luble@example.fr", password: "une phrase de passe solide",
                                                 displayName: "Jules", communeInsee: "37137"), now: now)
        #expect(throws: DossierError.self) { try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: luble, now: now) }
    }
}

@Suite("Dossiers: the legal acknowledgement")
struct AcknowledgementTests {
    @Test("The acknowledgement carries the date, the service and its contacts, and the silence rule")
    func mentions() throws {
        let flow = try DossierFlowTests()
        let filed = try flow.filedCantineDossier()
        let receipt = try flow.dossiers.acknowledgement(of: filed.id, actor: flow.accounts["habitant"], now: flow.now)
        #expect(receipt.reference == filed.reference)
        #expect(receipt.receivedAt == filed.filedAt)
        #expect(receipt.receivedAtText == "le 1er mars 2026 à 11 h 01")
        #expect(receipt.service.name == "Mairie de Langeais")
        #expect(receipt.service.phone != nil && receipt.service.email != nil && receipt.service.address != nil)
        #expect(receipt.silenceText.contains("le 1er mai 2026"))
        #expect(receipt.silenceText.contains("considérée comme acceptée"))
        #expect(receipt.appealText == nil)
        #expect(throws: DossierError.notFound) {
            try flow.dossiers.acknowledgement(of: filed.id, actor: flow.accounts["habitante.bourgueil"], now: flow.now)
        }
    }

    @Test("A rejection by silence states the routes and deadline of appeal")
    func rejection() throws {
        let service = Organisation(id: "mairie-37123", kind: .mairie, name: "Mairie de Langeais")
        let receipt = Acknowledgement(
            dossier: try dossier(filedAt: TestSupport.now), service: service, silence: SilenceRule(outcome: .rejection, months: 1))
        #expect(receipt.silenceText.contains("considérée comme refusée"))
        #expect(receipt.silenceText.contains("le 1er avril 2026"))
        #expect(receipt.appealText?.contains("recours gracieux adressé au service qui traite votre demande (Mairie de Langeais)") == true)
        #expect(receipt.appealText?.contains("tribunal administratif d'Orléans") == true)
    }

    /// A filed dossier whose decision date is left for the acknowledgement to compute.
    func dossier(filedAt: Date) throws -> Dossier {
        let flow = try DossierFlowTests()
        var dossier = try flow.filedCantineDossier(at: filedAt.addingTimeInterval(-60))
        dossier.decisionDueAt = nil
        return dossier
    }
}
