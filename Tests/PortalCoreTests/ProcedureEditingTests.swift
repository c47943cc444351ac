import Foundation
import GRDB
@testable import PortalCore
import Testing

/// An administrator keeps the catalogue: a procedure read into its form and saved unchanged writes
/// nothing; unpublished, it takes no new request and its dossiers go on; a new address takes its
/// form and dossiers along and the old one leads to it; only administrators may.
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

    @Test func aNewAddressTakesTheFormAndTheDossiersAlongAndTheOldOneLeadsToIt() throws {
        let filed = try flow.filedCantineDossier()
        let renamed = try catalogue.rename(procedure: "inscription-cantine", to: "restauration-scolaire", by: admin, now: flow.now)
        #expect(renamed.formerSlugs == ["inscription-cantine"])
        #expect(catalogue.procedure(slug: "inscription-cantine") == nil)
        #expect(catalogue.renamedProcedure(from: "inscription-cantine") == "restauration-scolaire")
        let agent = flow.accounts["agent.langeais"], resident = flow.accounts["habitant"]
        #expect(try flow.dossiers.dossier(id: filed.id, actor: agent, now: flow.now).summary.procedureSlug == "restauration-scolaire")
        #expect(try flow.dossiers.forms.current(procedureSlug: "restauration-scolaire") != nil, "the online form follows")
        #expect(try flow.dossiers.forms.current(procedureSlug: "inscription-cantine") == nil)
        _ = try flow.dossiers.startDraft(procedureSlug: "restauration-scolaire", actor: resident, now: flow.now)

        let published = try FormSeed.publish(from: TestSupport.realSeed.appendingPathComponent("forms"), catalogue: catalogue,
                                             store: flow.dossiers.forms, now: flow.now)
        #expect(published.contains("restauration-scolaire"), "the shipped file, named after the first address, goes to the new one")
        #expect(try flow.dossiers.forms.current(procedureSlug: "inscription-cantine") == nil)

        for (slug, message) in [
            ("restauration-scolaire", "Une démarche a déjà l'adresse /demarches/restauration-scolaire : choisissez-en une autre."),
            ("inscription-cantine", "L'adresse /demarches/inscription-cantine était celle d'une autre démarche et y mène encore : choisissez-en une autre."),
            ("Passeport biométrique", "L'adresse de la page s'écrit en minuscules sans accents, chiffres et tirets, par exemple permis-de-louer."),
        ] {
            do {
                _ = try catalogue.rename(procedure: "passeport", to: slug, by: admin, now: flow.now)
                Issue.record("renamed to \(slug)")
            } catch let errors as ValidationErrors {
                #expect(errors["slug"] == message)
            }
        }
        let back = try catalogue.rename(procedure: "restauration-scolaire", to: "inscription-cantine", by: admin, now: flow.now)
        #expect(back.formerSlugs == ["restauration-scolaire"], "its own former address may be taken back")
        #expect(throws: AccessError.notFound) {
            try catalogue.rename(procedure: "passeport", to: "passeport-biometrique", by: flow.accounts["agent.langeais"], now: flow.now)
        }
    }

    @Test func aSeasonalProcedureIsSeenOnlyInItsPublicationWindow() throws {
        var form = ProcedureForm(try catalogue.procedureToEdit("inscription-cantine", actor: admin))
        form.publishedFrom = "01/05/2026"
        form.publishedUntil = "31/03/2026"
        do {
            _ = try catalogue.update(procedure: "inscription-cantine", with: form, by: admin, now: flow.now)
            Issue.record("saved")
        } catch let errors as ValidationErrors {
            #expect(errors["publishedUntil"] == "La publication finit avant de commencer : vérifiez les deux jours.")
        }
        form.publishedUntil = "30/09/2026"
        let saved = try catalogue.update(procedure: "inscription-cantine", with: form, by: admin, now: flow.now)
        #expect(saved.publishedFrom == CalendarDay(year: 2026, month: 5, day: 1))
        for (day, visible) in [(CalendarDay(year: 2026, month: 4, day: 30)!, false), (CalendarDay(year: 2026, month: 5, day: 1)!, true),
                               (CalendarDay(year: 2026, month: 9, day: 30)!, true), (CalendarDay(year: 2026, month: 10, day: 1)!, false)] {
            let seen = try Catalogue(database: flow.dossiers.database, today: { day })
            #expect((seen.publishedProcedure(slug: "inscription-cantine") != nil) == visible, "\(day.iso)")
            #expect(seen.catalogue(for: "37123").flatMap(\.1).contains { $0.slug == "inscription-cantine" } == visible, "\(day.iso)")
            #expect(try seen.search("cantine", commune: nil).contains { $0.slug == "inscription-cantine" } == visible, "\(day.iso)")
        }
        #expect(ProcedureForm(saved).publishedUntil == "30/09/2026")
    }

    @Test func onlyAProcedureWithoutDossiersIsDeletedAndItsShippedFormIsThenLeftOut() throws {
        _ = try flow.filedCantineDossier()
        #expect(try catalogue.dossierCount(procedure: "inscription-cantine", actor: admin) == 1)
        do {
            try catalogue.delete(procedure: "inscription-cantine", by: admin, now: flow.now)
            Issue.record("deleted with a dossier")
        } catch let errors as ValidationErrors {
            #expect(errors["suppression"] == "Cette démarche a 1 demande : elle ne peut pas être supprimée. Retirez-la des pages publiques : ses demandes continuent.")
        }
        #expect(catalogue.procedure(slug: "inscription-cantine") != nil)

        #expect(try catalogue.dossierCount(procedure: "composteur", actor: admin) == 0)
        _ = try FormSeed.publish(from: TestSupport.realSeed.appendingPathComponent("forms"), catalogue: catalogue, store: flow.dossiers.forms, now: flow.now)
        #expect(try flow.dossiers.forms.current(procedureSlug: "composteur") != nil)
        try catalogue.delete(procedure: "composteur", by: admin, now: flow.now)
        #expect(catalogue.procedure(slug: "composteur") == nil)
        #expect(try flow.dossiers.forms.current(procedureSlug: "composteur") == nil, "its online form goes with it")
        let forms = TestSupport.realSeed.appendingPathComponent("forms")
        #expect(try !FormSeed.load(from: forms, catalogue: catalogue).contains { $0.procedureSlug == "composteur" })
        #expect(try FormSeed.unused(in: forms, catalogue: catalogue) == ["composteur"])
        #expect(throws: AccessError.notFound) { try catalogue.delete(procedure: "passeport", by: flow.accounts["agent.langeais"], now: flow.now) }
    }

    @Test func anImportThatWouldRemoveAProcedureItsDossiersNameIsRefusedWhole() throws {
        _ = try flow.filedCantineDossier()
        var data = catalogue.snapshot.data
        data.procedures.removeAll { $0.slug == "inscription-cantine" }
        let folder = try TestSupport.temporaryDirectory()
        try data.write(to: folder)
        #expect {
            try flow.dossiers.database.importReferenceData(from: folder, apply: true, now: flow.now)
        } throws: { error in
            "\(error)".contains("procedures.json, procedure \"inscription-cantine\": removed, but 1 dossier(s) name it: unpublish it instead")
        }
        #expect(try Catalogue(database: flow.dossiers.database).procedure(slug: "inscription-cantine") != nil, "nothing changed")
    }
}
