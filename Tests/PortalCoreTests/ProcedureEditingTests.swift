import Foundation
import GRDB
@testable import PortalCore
import Testing

/// An administrator keeps the catalogue: a procedure read into its form and saved unchanged writes
/// nothing; unpublished, it takes no new request and its dossiers go on; only administrators may.
@Suite struct ProcedureEditingTests {
    let flow: DossierFlowTests

    init() throws { flow = try DossierFlowTests() }

    var admin: Account? { flow.accounts["admin"] }
    var catalogue: Catalogue { flow.dossiers.catalogue }

    @Test func everyProcedureReadsIntoItsFormAndBackUnchanged() throws {
        for procedure in try catalogue.proceduresToEdit(actor: admin) {
            #expect(try ProcedureForm(procedure).validated(procedure, in: catalogue.snapshot.data) == procedure, "\(procedure.slug)")
        }
    }

    @Test func anUnpublishedProcedureTakesNoNewRequestAndItsDossiersGoOn() throws {
        let filed = try flow.filedCantineDossier()
        try catalogue.setPublished(false, procedure: "inscription-cantine", by: admin, now: flow.now)
        #expect(catalogue.publishedProcedure(slug: "inscription-cantine") == nil)
        #expect(!catalogue.catalogue(for: "37123").flatMap(\.1).contains { $0.slug == "inscription-cantine" })
        #expect(throws: DossierError.procedureNotOnline) {
            try flow.dossiers.startDraft(procedureSlug: "inscription-cantine", actor: flow.accounts["habitant"], now: flow.now)
        }
        #expect(try flow.dossiers.dossier(id: filed.id, actor: flow.accounts["agent.langeais"], now: flow.now).status == .filed)
        _ = try flow.dossiers.perform(.takeInCharge, on: filed.id, actor: flow.accounts["agent.langeais"], now: flow.now)
        try catalogue.setPublished(true, procedure: "inscription-cantine", by: admin, now: flow.now)
        #expect(catalogue.publishedProcedure(slug: "inscription-cantine") != nil)
    }

    @Test(arguments: ["habitant", "agent.langeais", "conseiller"])
    func othersMayNotEditTheCatalogue(login: String) throws {
        let actor = flow.accounts[login]
        #expect(throws: AccessError.notFound) { try catalogue.proceduresToEdit(actor: actor) }
        #expect(throws: AccessError.notFound) { try catalogue.setPublished(false, procedure: "passeport", by: actor, now: flow.now) }
        #expect(catalogue.publishedProcedure(slug: "passeport") != nil)
    }
}
