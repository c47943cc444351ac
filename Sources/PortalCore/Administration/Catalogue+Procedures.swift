import Foundation
import GRDB

/// Administrators keep the catalogue: each procedure's text, who handles it commune by commune, what
/// silence means, and whether it is published.
extension Catalogue {
    /// Every procedure, published or not, in display order.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator.
    public func proceduresToEdit(actor: Account?) throws(AccessError) -> [Procedure] {
        try Self.administrator(actor)
        return snapshot.data.procedures
    }

    /// The procedure `slug`, for its edit page.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator and it exists.
    public func procedureToEdit(_ slug: String, actor: Account?) throws(AccessError) -> Procedure {
        try Self.administrator(actor)
        guard let procedure = procedure(slug: slug) else { throw .notFound }
        return procedure
    }

    /// Saves `form` as the procedure `slug`, its search entry with it, journals the change and shows it
    /// on every page at once. Returns the procedure as saved.
    ///
    /// - Throws: ``AccessError`` as ``procedureToEdit(_:actor:)``; ``ValidationErrors`` (nothing is saved then).
    public func update(procedure slug: String, with form: ProcedureForm, by actor: Account?, now: Date) throws -> Procedure {
        let before = try procedureToEdit(slug, actor: actor)
        let after = try form.validated(before, in: snapshot.data)
        guard after != before else { return before }
        try replace(before, with: after, action: .procedureUpdated, summary: Self.changes(from: before, to: after), by: actor, now: now)
        return after
    }

    /// The procedure `slug` as `form` would make it, saving nothing: what the preview shows.
    ///
    /// - Throws: ``AccessError`` as ``procedureToEdit(_:actor:)``; ``ValidationErrors`` as ``update(procedure:with:by:now:)``.
    public func preview(procedure slug: String, with form: ProcedureForm, actor: Account?) throws -> Procedure {
        try form.validated(try procedureToEdit(slug, actor: actor), in: snapshot.data)
    }

    /// Creates the procedure `slug` from `form`, published, after the others; journals it.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator; ``ValidationErrors`` with the
    ///   slug's problem under `slug` and the form's under its fields (nothing is saved then).
    public func create(procedure slug: String, with form: ProcedureForm, by actor: Account?, now: Date) throws -> Procedure {
        try Self.administrator(actor)
        let slug = slug.trimmingCharacters(in: .whitespaces)
        var slugErrors = ValidationErrors()
        checkNewSlug(slug, for: nil, into: &slugErrors)
        let blank = Procedure(slug: slug, title: "", categoryId: "", summary: "", handler: .communal)
        var created: Procedure?
        do {
            created = try form.validated(blank, in: snapshot.data)
        } catch {
            for problem in error.errors { slugErrors.add(problem.message, for: problem.field) }
        }
        guard slugErrors.isEmpty, let created else { throw slugErrors }
        try database.pool.write { db in
            let position = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM procedure") ?? -1) + 1
            try ReferenceData.insert(created, position: position, into: db)
            try JournalEntry.record(.procedureCreated, by: actor, about: JournalEntry.Subject(kind: "demarche", id: slug),
                                    summary: "« \(created.title) », à l'adresse /demarches/\(slug)",
                                    after: try JournalEntry.json(SeedFiles.Procedures.Procedure(created)), now: now, db)
        }
        try reload()
        return created
    }

    /// Gives the procedure `slug` the address `/demarches/{newSlug}`; the old one keeps redirecting to
    /// it, its online form and its dossiers follow. Returns the procedure as saved.
    ///
    /// - Throws: ``AccessError`` as ``procedureToEdit(_:actor:)``; ``ValidationErrors`` under `slug`
    ///   (nothing is saved then).
    public func rename(procedure slug: String, to newSlug: String, by actor: Account?, now: Date) throws -> Procedure {
        let before = try procedureToEdit(slug, actor: actor)
        let newSlug = newSlug.trimmingCharacters(in: .whitespaces)
        guard newSlug != before.slug else { return before }
        var errors = ValidationErrors()
        checkNewSlug(newSlug, for: before, into: &errors)
        guard errors.isEmpty else { throw errors }
        var after = before
        after.slug = newSlug
        after.formerSlugs = before.formerSlugs.filter { $0 != newSlug } + [before.slug]
        try database.pool.write { db in
            let position = try Int.fetchOne(db, sql: "SELECT position FROM procedure WHERE slug = ?", arguments: [before.slug]) ?? 0
            try Self.delete(before.slug, db)
            try ReferenceData.insert(after, position: position, into: db)
            try db.execute(sql: """
                UPDATE form_definition SET procedureSlug = ?, definition = json_set(definition, '$.procedureSlug', ?) WHERE procedureSlug = ?
                """, arguments: [newSlug, newSlug, before.slug])
            try db.execute(sql: "UPDATE dossier SET procedureSlug = ? WHERE procedureSlug = ?", arguments: [newSlug, before.slug])
            try JournalEntry.record(.procedureRenamed, by: actor, about: JournalEntry.Subject(kind: "demarche", id: newSlug),
                                    summary: "Adresse : /demarches/\(before.slug) → /demarches/\(newSlug) (l'ancienne redirige vers la nouvelle)",
                                    before: try JournalEntry.json(SeedFiles.Procedures.Procedure(before)),
                                    after: try JournalEntry.json(SeedFiles.Procedures.Procedure(after)), now: now, db)
        }
        try reload()
        return after
    }

    /// Adds to `errors` what is wrong with `slug` as the new address of `procedure` (nil: a new one).
    private func checkNewSlug(_ slug: String, for procedure: Procedure?, into errors: inout ValidationErrors) {
        if slug.count < 3 || slug.count > 80 || !slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" })
            || slug.hasPrefix("-") || slug.hasSuffix("-") || slug.contains("--") {
            errors.add("L'adresse de la page s'écrit en minuscules sans accents, chiffres et tirets, par exemple permis-de-louer.", for: "slug")
        } else if slug == "nouvelle" {
            errors.add("L'adresse /demarches/nouvelle est réservée : choisissez-en une autre.", for: "slug")
        } else if self.procedure(slug: slug) != nil {
            errors.add("Une démarche a déjà l'adresse /demarches/\(slug) : choisissez-en une autre.", for: "slug")
        } else if let owner = renamedProcedure(from: slug), owner != procedure?.slug {
            errors.add("L'adresse /demarches/\(slug) était celle d'une autre démarche et y mène encore : choisissez-en une autre.", for: "slug")
        }
    }

    /// How many dossiers (drafts included) procedure `slug` has: one with any cannot be deleted.
    ///
    /// - Throws: ``AccessError`` as ``procedureToEdit(_:actor:)``.
    public func dossierCount(procedure slug: String, actor: Account?) throws -> Int {
        let procedure = try procedureToEdit(slug, actor: actor)
        return try database.pool.read { db in try Self.dossierCount(procedure.slug, db) }
    }

    /// Deletes the procedure `slug`, which has no dossier, with its online forms, and journals it;
    /// an import of older files does not bring it back.
    ///
    /// - Throws: ``AccessError`` as ``procedureToEdit(_:actor:)``; ``ValidationErrors`` under
    ///   `suppression` when it has dossiers (nothing changes then: unpublish it instead).
    public func delete(procedure slug: String, by actor: Account?, now: Date) throws {
        let before = try procedureToEdit(slug, actor: actor)
        try database.pool.write { db in
            let count = try Self.dossierCount(before.slug, db)
            guard count == 0 else {
                var errors = ValidationErrors()
                errors.add("Cette démarche a \(count) demande\(count > 1 ? "s" : "") : elle ne peut pas être supprimée. "
                           + "Retirez-la des pages publiques : ses demandes continuent.", for: "suppression")
                throw errors
            }
            try Self.delete(before.slug, db)
            try db.execute(sql: "DELETE FROM form_definition WHERE procedureSlug = ?", arguments: [before.slug])
            try JournalEntry.record(.procedureDeleted, by: actor, about: JournalEntry.Subject(kind: "demarche", id: before.slug),
                                    summary: "« \(before.title) », qui n'avait aucune demande",
                                    before: try JournalEntry.json(SeedFiles.Procedures.Procedure(before)), now: now, db)
        }
        try reload()
    }

    private static func dossierCount(_ slug: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier WHERE procedureSlug = ?", arguments: [slug]) ?? 0
    }

    /// Publishes or unpublishes the procedure `slug`: unpublished, public pages, search and new
    /// requests leave it out, and the requests already filed go on.
    ///
    /// - Throws: ``AccessError`` as ``procedureToEdit(_:actor:)``.
    public func setPublished(_ published: Bool, procedure slug: String, by actor: Account?, now: Date) throws {
        let before = try procedureToEdit(slug, actor: actor)
        guard before.isPublished != published else { return }
        var after = before
        after.isPublished = published
        try replace(before, with: after, action: published ? .procedurePublished : .procedureUnpublished,
                    summary: published ? "De nouveau proposée aux habitants" : "Retirée des pages publiques ; ses demandes en cours continuent",
                    by: actor, now: now)
    }

    private func replace(_ before: Procedure, with after: Procedure, action: JournalEntry.Action, summary: String,
                         by actor: Account?, now: Date) throws {
        try database.pool.write { db in
            let position = try Int.fetchOne(db, sql: "SELECT position FROM procedure WHERE slug = ?", arguments: [before.slug]) ?? 0
            try Self.delete(before.slug, db)
            try ReferenceData.insert(after, position: position, into: db)
            try JournalEntry.record(action, by: actor, about: JournalEntry.Subject(kind: "demarche", id: before.slug), summary: summary,
                                    before: try JournalEntry.json(SeedFiles.Procedures.Procedure(before)),
                                    after: try JournalEntry.json(SeedFiles.Procedures.Procedure(after)), now: now, db)
        }
        try reload()
    }

    /// Deletes the procedure `slug` with its exceptions and search entry, to insert it again.
    private static func delete(_ slug: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM procedure_search WHERE slug = ?", arguments: [slug])
        try db.execute(sql: "DELETE FROM procedure_exception WHERE procedureSlug = ?", arguments: [slug])
        try db.execute(sql: "DELETE FROM procedure WHERE slug = ?", arguments: [slug])
    }

    /// "Titre ; qui traite la démarche ; 2 communes", the parts that changed, in French.
    static func changes(from before: Procedure, to after: Procedure) -> String {
        let parts: [(String, Bool)] = [
            ("Titre", before.title != after.title), ("Résumé", before.summary != after.summary),
            ("Présentation", before.description != after.description), ("Thème", before.categoryId != after.categoryId),
            ("Autres mots", before.synonyms != after.synonyms), ("Pièces à fournir", before.documents != after.documents),
            ("Coût", before.cost != after.cost), ("Délai", before.delay != after.delay),
            ("Façons de faire", before.channels != after.channels || before.onlineURL != after.onlineURL),
            ("Marche à suivre", before.howTo != after.howTo), ("Démarche fréquente", before.popular != after.popular),
            ("Qui traite la démarche", before.handler != after.handler), ("Règles par commune", before.exceptions != after.exceptions),
            ("Silence de l'administration", before.silence != after.silence),
            ("Période de publication", before.publishedFrom != after.publishedFrom || before.publishedUntil != after.publishedUntil), ("Note pour l'équipe", before.staffNote != after.staffNote),
        ]
        return parts.filter(\.1).map(\.0).joined(separator: " ; ")
    }
}
