import Foundation
import GRDB
@testable import PortalCore
import Testing

/// `export-reference` and `import-reference`: the database is the truth once the portal runs; files
/// go in entry by entry, shown before applied, never silently over an edit made in the administration.
@Suite struct ReferenceImportTests {
    let database: PortalDatabase
    let admin: Account

    init() throws {
        database = try TestSupport.database(seed: TestSupport.realSeed)
        let accounts = Accounts(database: database, hasher: TestSupport.hasher)
        let issued = try accounts.createAdministrator(email: "claire.martin@cctoval.fr", name: "Claire Martin", links: TestLinks(),
                                                      now: TestSupport.now)
        admin = try accounts.activate(link: issued.token, password: "une phrase de passe bien longue", now: TestSupport.now).0
    }

    func edit(_ id: String, at time: Date = TestSupport.now, _ change: (inout OrganisationForm) -> Void) throws {
        let catalogue = try Catalogue(database: database)
        var form = OrganisationForm(try catalogue.organisationToEdit(id, actor: admin), today: CalendarDay(TestSupport.now))
        change(&form)
        _ = try catalogue.update(organisation: id, with: form, by: admin, now: time)
    }

    func exported() throws -> URL {
        let folder = try TestSupport.temporaryDirectory()
        try Catalogue(database: database).snapshot.data.write(to: folder)
        return folder
    }

    @Test func anExportImportedIntoAnEmptyFolderGivesTheSameReferenceData() throws {
        try edit("mairie-37123") {
            $0.phone = "0247000033"
            $0.exceptions = [.init(date: "24/12/2026", note: "Veille de Noël")]
        }
        let folder = try exported()
        #expect(try ReferenceData.load(from: folder) == Catalogue(database: database).snapshot.data, "the files read back as written")

        let empty = try TestSupport.database(seed: nil)
        let report = try empty.importReferenceData(from: folder, apply: true, now: TestSupport.now)
        #expect(report.applied)
        #expect(report.diff.entries.allSatisfy { $0.change == .added })
        #expect(try Catalogue(database: empty).snapshot.data == Catalogue(database: database).snapshot.data)
        #expect(try Catalogue(database: empty).search("naissance", commune: nil).first?.slug == "acte-de-naissance", "the search index too")
        let again = try exported()
        #expect(try String(contentsOf: again.appendingPathComponent("procedures.json"), encoding: .utf8)
                == String(contentsOf: folder.appendingPathComponent("procedures.json"), encoding: .utf8), "a second export is the same file")
    }

    @Test func aDryRunNamesEveryChangeAndChangesNothing() throws {
        let folder = try exported()
        var procedures = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("procedures.json"))) as! [String: Any]
        var list = procedures["procedures"] as! [[String: Any]]
        list[0]["title"] = "Un titre corrigé"
        list.removeLast()
        procedures["procedures"] = list
        try JSONSerialization.data(withJSONObject: procedures).write(to: folder.appendingPathComponent("procedures.json"))
        let before = try Catalogue(database: database).snapshot.data

        let report = try database.importReferenceData(from: folder, apply: false, now: TestSupport.now)
        #expect(!report.applied)
        #expect(report.diff.entries.map(\.change) == [.changed(fields: ["title"]), .removed])
        #expect(try Catalogue(database: database).snapshot.data == before)

        let catalogue = try Catalogue(database: database)
        let applied = try database.importReferenceData(from: folder, apply: true, now: TestSupport.now)
        #expect(applied.applied)
        #expect(try catalogue.followImports(), "a running server's catalogue sees the import")
        #expect(catalogue.snapshot.data.procedures.first?.title == "Un titre corrigé")
        #expect(try !catalogue.followImports(), "once")
        let line = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT summary FROM journal_entry WHERE action = 'reference_importee'")?["summary"] as String?
        }
        #expect(line == "0 ajout(s), 1 modification(s), 1 suppression(s)")
    }

    @Test func anEditMadeInTheAdministrationIsKeptUnlessReplaced() throws {
        let folder = try exported()
        let original = try Catalogue(database: database).organisation(id: "mairie-37123")?.phone
        try edit("mairie-37123") { $0.phone = "0247000011" }
        let kept = try database.importReferenceData(from: folder, apply: true, now: TestSupport.now.addingTimeInterval(60))
        #expect(kept.edits.map(\.entry.id) == ["mairie-37123"])
        #expect(kept.edits.first?.by == "Claire Martin")
        #expect(try Catalogue(database: database).organisation(id: "mairie-37123")?.phone == "02 47 00 00 11", "the edit stays")

        let notAgain = try database.importReferenceData(from: folder, apply: false, now: TestSupport.now.addingTimeInterval(120))
        #expect(notAgain.edits.isEmpty, "an import settles earlier edits: the next one may change the entry")

        try edit("mairie-37123", at: TestSupport.now.addingTimeInterval(150)) { $0.phone = "0247000022" }
        let replaced = try database.importReferenceData(from: folder, apply: true, replacingEdits: true,
                                                        now: TestSupport.now.addingTimeInterval(180))
        #expect(replaced.edits.count == 1)
        #expect(try Catalogue(database: database).organisation(id: "mairie-37123")?.phone == original, "replaced by the files")
    }

    @Test func proceduresCreatedOrEditedInTheAdministrationSurviveAnImportOfOlderFiles() throws {
        let folder = try exported()
        let catalogue = try Catalogue(database: database)
        var form = ProcedureForm(try catalogue.procedureToEdit("passeport", actor: admin))
        form.summary = "Sur rendez-vous dans une mairie équipée."
        _ = try catalogue.update(procedure: "passeport", with: form, by: admin, now: TestSupport.now)
        var created = form
        created.title = "Permis de louer"
        _ = try catalogue.create(procedure: "permis-de-louer", with: created, by: admin, now: TestSupport.now)
        try catalogue.setPublished(false, procedure: "acte-de-naissance", by: admin, now: TestSupport.now)

        let report = try database.importReferenceData(from: folder, apply: true, now: TestSupport.now.addingTimeInterval(60))
        #expect(Set(report.edits.map(\.entry.id)) == ["passeport", "permis-de-louer", "acte-de-naissance"])
        let after = try Catalogue(database: database)
        #expect(after.procedure(slug: "passeport")?.summary == "Sur rendez-vous dans une mairie équipée.")
        #expect(after.procedure(slug: "permis-de-louer")?.title == "Permis de louer", "a procedure the files do not know is not removed")
        #expect(after.procedure(slug: "acte-de-naissance")?.isPublished == false)
    }

    @Test func aProcedureWhoseAddressChangedIsNotAddedAgainByOlderFilesAndItsNewAddressIsExported() throws {
        let folder = try exported()
        _ = try Catalogue(database: database).rename(procedure: "passeport", to: "passeport-biometrique", by: admin, now: TestSupport.now)
        let report = try database.importReferenceData(from: folder, apply: true, now: TestSupport.now.addingTimeInterval(60))
        #expect(report.diff.isEmpty, "the files' entry under the former address is the renamed procedure, unchanged")
        let after = try Catalogue(database: database)
        #expect(after.procedure(slug: "passeport") == nil, "the files' entry under the former address is the renamed one")
        #expect(after.renamedProcedure(from: "passeport") == "passeport-biometrique")
        let next = try database.importReferenceData(from: folder, apply: true, replacingEdits: true, now: TestSupport.now.addingTimeInterval(90))
        #expect(!next.diff.entries.contains { $0.id == "passeport" }, "the files' old address is read as the procedure it became")
        #expect(try Catalogue(database: database).procedure(slug: "passeport-biometrique") != nil)
        #expect(try Catalogue(database: database).procedure(slug: "passeport") == nil)

        let again = try exported()
        let copy = try TestSupport.database(seed: again)
        #expect(try Catalogue(database: copy).renamedProcedure(from: "passeport") == "passeport-biometrique", "the former address travels")
    }

    @Test func aProcedureDeletedInTheAdministrationIsNotBroughtBackByAnImport() throws {
        let folder = try exported()
        try Catalogue(database: database).delete(procedure: "passeport", by: admin, now: TestSupport.now)
        let report = try database.importReferenceData(from: folder, apply: true, now: TestSupport.now.addingTimeInterval(60))
        #expect(report.edits.map(\.entry.id) == ["passeport"])
        #expect(try Catalogue(database: database).procedure(slug: "passeport") == nil)
        let again = try database.importReferenceData(from: folder, apply: true, now: TestSupport.now.addingTimeInterval(120))
        #expect(again.edits.isEmpty && again.applied)
        #expect(try Catalogue(database: database).procedure(slug: "passeport") != nil, "an import settles earlier edits: the next one adds it back")
    }

    @Test func identicalFilesChangeNothing() throws {
        let report = try database.importReferenceData(from: try exported(), apply: true, now: TestSupport.now)
        #expect(report.diff.isEmpty)
        #expect(!report.applied)
    }
}
