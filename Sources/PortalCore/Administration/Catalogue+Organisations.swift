import Foundation
import GRDB

/// Administrators keep the organisations' public details current: names, contacts, opening hours.
extension Catalogue {
    /// Every organisation, in display order, for the administration's list.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator.
    public func organisationsToEdit(actor: Account?) throws(AccessError) -> [Organisation] {
        try Self.administrator(actor)
        return snapshot.data.organisations
    }

    /// The organisation `id`, for its edit page.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator and the organisation exists.
    public func organisationToEdit(_ id: String, actor: Account?) throws(AccessError) -> Organisation {
        try Self.administrator(actor)
        guard let organisation = organisation(id: id) else { throw .notFound }
        return organisation
    }

    /// Saves `form` as the details of organisation `id`, journals the change with the values before
    /// and after, and shows it on every page at once. Returns the organisation as saved.
    ///
    /// - Throws: ``AccessError`` as ``organisationToEdit(_:actor:)``; ``ValidationErrors`` when the form
    ///   is not acceptable (nothing is saved then).
    public func update(organisation id: String, with form: OrganisationForm, by actor: Account?, now: Date) throws -> Organisation {
        let before = try organisationToEdit(id, actor: actor)
        let after = try form.validated(before)
        guard after != before else { return before }
        try database.pool.write { db in
            try db.execute(sql: """
                UPDATE organisation SET name = ?, shortName = ?, description = ?, address = ?, postalCode = ?, city = ?,
                  phone = ?, email = ?, website = ?, openingHours = ?, demoContact = ?, staffNote = ?
                WHERE id = ?
                """, arguments: [after.name, after.shortName, after.description, after.address, after.postalCode, after.city,
                                 after.phone, after.email, after.website, try StoredJSON.encode(after.openingHours),
                                 after.demoContact, after.staffNote, id])
            try JournalEntry.record(.organisationUpdated, by: actor, objectKind: "organisation", objectId: id,
                                    organisationId: id, before: before, after: after, now: now, db)
        }
        try reload()
        return after
    }

    /// Refuses any actor but an administrator.
    static func administrator(_ actor: Account?) throws(AccessError) {
        guard let actor else { throw .unauthenticated }
        guard actor.acting(as: .admin) != nil else { throw .notFound }
    }
}
