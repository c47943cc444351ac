import Foundation
import GRDB

extension Account {
    /// Whether whoever acts through this account may touch `family` of procedures: always for the
    /// resident themself; for an adviser acting for them, only while their mandate is in force and
    /// covers it. Every use case reaching a resident's dossiers, household or invoices asks this,
    /// so that the core, not the pages, refuses what a mandate does not allow.
    func mayAct(in family: ProcedureFamily, now: Date, _ db: Database) throws -> Bool {
        guard let adviser = counterAdviser else { return true }
        guard let mandate = try Mandate.fetchAll(db, "WHERE id = ?", arguments: [adviser.mandateId]).first else { return false }
        return mandate.residentAccountId == id && mandate.covers(family, at: now)
    }

    /// The family of the procedure `slug`, from its catalogue category.
    static func family(ofProcedure slug: String, _ db: Database) throws -> ProcedureFamily {
        ProcedureFamily.of(category: try String.fetchOne(db, sql: "SELECT categoryId FROM procedure WHERE slug = ?", arguments: [slug]) ?? "")
    }
}
