import Foundation
import GRDB

/// Administrators keep the organisations' public details current: names, contacts, opening hours;
/// an organisation's managers keep their own.
extension Catalogue {
    /// The organisations `actor` administers, in display order: every one for an administrator, a
    /// manager's own.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator or a manager.
    public func organisationsToEdit(actor: Account?) throws(AccessError) -> [Organisation] {
        let actor = try Self.administration(actor)
        return snapshot.data.organisations.filter { actor.administers($0.id) }
    }

    /// The organisation `id`, for its edit page.
    ///
    /// - Throws: ``AccessError`` unless `actor` administers it (``Account/administers(_:)``) and it exists.
    public func organisationToEdit(_ id: String, actor: Account?) throws(AccessError) -> Organisation {
        let actor = try Self.administration(actor)
        guard actor.administers(id), let organisation = organisation(id: id) else { throw .notFound }
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

    /// The actor, when an administrator or a manager of at least one organisation: the two roles
    /// that enter the administration (a manager sees only their organisations there).
    static func administration(_ actor: Account?) throws(AccessError) -> Account {
        guard let actor else { throw .unauthenticated }
        if let administrator = actor.acting(as: .admin) { return administrator }
        guard let manager = actor.acting(as: .manager) else { throw .notFound }
        return manager
    }
}
