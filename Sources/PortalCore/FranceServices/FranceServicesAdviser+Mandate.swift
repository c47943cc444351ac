import Foundation
import GRDB

extension Account {
    /// Whether whoever acts through this account may touch `family` of procedures: always for the
    /// resident themself; for an adviser acting for them, only while their mandate is in force and
    /// covers it. Every use case reaching a resident's dossiers, household or invoices asks this,
    /// so that the core, not the pages, refuses what a mandate does not allow.
    func mayAct(in family: ProcedureFamily, now: Date, _ db: Database) throws -> Bool {
        try mayAct(in: { family }, now: now, db)
    }

    /// The same for a family worked out only when an adviser is acting (the procedure's, read
    /// from the catalogue): the resident's own requests pay nothing for the check.
    func mayAct(in family: () throws -> ProcedureFamily, now: Date, _ db: Database) throws -> Bool {
        guard let adviser = franceServicesAdviser else { return true }
        let family = try family()
        guard let mandate = try Mandate.fetchAll(db, "WHERE id = ?", arguments: [adviser.mandateId]).first else { return false }
        return mandate.residentAccountId == id && mandate.covers(family, at: now)
    }

    /// The family of the procedure `slug`, from its catalogue category.
    static func family(ofProcedure slug: String, _ db: Database) throws -> ProcedureFamily {
        ProcedureFamily.of(category: try String.fetchOne(db, sql: "SELECT categoryId FROM procedure WHERE slug = ?", arguments: [slug]) ?? "")
    }
}
