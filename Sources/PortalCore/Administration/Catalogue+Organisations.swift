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
            try JournalEntry.record(.organisationUpdated, by: actor, about: .organisation(id), summary: Self.changes(from: before, to: after),
                                    before: try JournalEntry.json(before), after: try JournalEntry.json(after), now: now, db)
        }
        try reload()
        return after
    }

    /// What changed, field by field, in French: "Téléphone : 02 47 96 12 50 ; horaires".
    static func changes(from before: Organisation, to after: Organisation) -> String {
        let fields: [(String, String?, String?)] = [
            ("Nom", before.name, after.name), ("Nom court", before.shortName, after.shortName),
            ("Présentation", before.description, after.description), ("Adresse", before.address, after.address),
            ("Code postal", before.postalCode, after.postalCode), ("Ville", before.city, after.city),
            ("Téléphone", before.phone, after.phone), ("E-mail", before.email, after.email),
            ("Site internet", before.website, after.website), ("Note pour l'équipe", before.staffNote, after.staffNote),
        ]
        var parts = fields.filter { $0.1 != $0.2 }.map { label, _, new in "\(label) : \(new ?? "(effacé)")" }
        if before.openingHours != after.openingHours { parts.append("Horaires d'ouverture") }
        if before.demoContact != after.demoContact {
            parts.append(after.demoContact ? "Coordonnées marquées à vérifier" : "Coordonnées vérifiées")
        }
        return parts.joined(separator: " ; ")
    }

    /// Refuses any actor but an administrator.
    static func administrator(_ actor: Account?) throws(AccessError) {
        guard let actor else { throw .unauthenticated }
        guard actor.acting(as: .admin) != nil else { throw .notFound }
    }
}
