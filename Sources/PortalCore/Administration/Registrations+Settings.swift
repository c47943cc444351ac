import Foundation
import GRDB

/// Administrators, and the managers of the organisation running it, keep an activity: its text,
/// organiser and régie, who may register, registration window, dates, places and tariff; they
/// create activities and open or close their registrations.
extension Registrations {
    /// The activities `actor` administers, by title: every one for an administrator, a manager's own.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator or a manager.
    public func activitiesToEdit(actor: Account?) throws -> [Activity] {
        let actor = try Catalogue.administration(actor)
        return try activities().filter { actor.administers($0.organisationId) }
    }

    /// The activity `id` with its confirmed and waiting counts, for its page.
    ///
    /// - Throws: ``AccessError`` unless `actor` administers its organisation and it exists.
    public func activityToEdit(_ id: String, actor: Account?) throws -> (activity: Activity, confirmed: Int, waiting: Int) {
        let actor = try Catalogue.administration(actor)
        return try database.pool.read { db in
            guard let activity = try Activity.fetch(id: id, db), actor.administers(activity.organisationId) else { throw AccessError.notFound }
            let waiting = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM registration WHERE activityId = ? AND status = ?",
                                           arguments: [id, RegistrationStatus.waiting.rawValue]) ?? 0
            return (activity, try Self.confirmedCount(id, db), waiting)
        }
    }

    /// What `actor`'s activity forms may name: the organisations they administer, those
    /// organisations' régies (every régie for an administrator) and the communes; the régie
    /// `activity` is billed in stays a choice.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator or a manager.
    public func activityOptions(actor: Account?, for activity: Activity? = nil) throws -> ActivityForm.Options {
        let actor = try Catalogue.administration(actor)
        let organisations = catalogue.snapshot.data.organisations.filter { actor.administers($0.id) }.sorted { $0.name < $1.name }
        let regies = try database.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM regie ORDER BY name").map(Regie.init(row:)) }
        return ActivityForm.Options(organisations: organisations,
                                    regies: regies.filter { actor.administers($0.organisationId) || $0.id == activity?.regieId },
                                    communes: catalogue.communes())
    }

    /// Creates an activity from `form`, its registrations and places as set, and journals it. Its
    /// id comes from its name and period ("accueil-de-loisirs-ete-2027").
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator or a manager; ``ValidationErrors``
    ///   (nothing is saved then).
    public func create(activity form: ActivityForm, by actor: Account?, now: Date) throws -> Activity {
        let options = try activityOptions(actor: actor)
        let today = CalendarDay(now)
        let blank = Activity(id: "", organisationId: "", regieId: nil, title: "", period: "", description: "", opensOn: today,
                             closesOn: today, startsOn: today, endsOn: today, minAgeMonths: 0, maxAgeMonths: 0, communes: [],
                             capacity: 1, requiredDocuments: [], tariff: nil, billingNote: nil)
        var created = try form.validated(blank, confirmed: 0, options: options)
        return try database.pool.write { db in
            let id = try Slug.unique(Slug.make(created.title + " " + created.period, fallback: "activite")) { try Activity.fetch(id: $0, db) != nil }
            created.id = id
            try db.execute(sql: "INSERT INTO activity (id, organisationId, definition) VALUES (?, ?, ?)",
                           arguments: [id, created.organisationId, try Self.definition(created)])
            try JournalEntry.record(.activityCreated, by: actor, about: Self.subject(created),
                                    summary: "« \(created.title) », \(created.capacity) places", after: try JournalEntry.json(created), now: now, db)
            return created
        }
    }

    /// Saves `form` as activity `id`'s settings; more places go to those waiting, in order. A
    /// confirmed registration is never dropped: fewer places than confirmed is refused.
    ///
    /// - Throws: ``AccessError`` as ``activityToEdit(_:actor:)``; ``ValidationErrors`` (nothing is saved then).
    public func update(activity id: String, with form: ActivityForm, by actor: Account?, now: Date) throws -> Activity {
        let options = try activityOptions(actor: actor, for: try activityToEdit(id, actor: actor).activity)
        return try database.pool.write { db in
            // Read again in the transaction: a registration may have come in meanwhile.
            guard let before = try Activity.fetch(id: id, db) else { throw AccessError.notFound }
            let after = try form.validated(before, confirmed: try Self.confirmedCount(id, db), options: options)
            guard after != before else { return before }
            try save(after, before: before, action: .activityUpdated, summary: changes(from: before, to: after), by: actor, now: now, db)
            return after
        }
    }

    /// Opens registrations from today (keeping a later closing day), or closes them from today on.
    ///
    /// - Throws: ``AccessError`` as ``activityToEdit(_:actor:)``.
    public func setRegistrations(open: Bool, activity id: String, by actor: Account?, now: Date) throws {
        _ = try activityToEdit(id, actor: actor)
        let today = CalendarDay(now)
        try database.pool.write { db in
            guard let before = try Activity.fetch(id: id, db), before.isOpen(on: today) != open else { return }
            var after = before
            if open {
                after.opensOn = min(before.opensOn, today)
                after.closesOn = max(before.closesOn, today)
            } else {
                after.closesOn = today.adding(days: -1)
                after.opensOn = min(before.opensOn, after.closesOn)
            }
            try save(after, before: before, action: open ? .registrationsOpened : .registrationsClosed,
                     summary: open ? "Inscriptions ouvertes jusqu'au \(after.closesOn.french)" : "Inscriptions closes depuis le \(today.french)",
                     by: actor, now: now, db)
        }
    }

    private func save(_ after: Activity, before: Activity, action: JournalEntry.Action, summary: String, by actor: Account?,
                      now: Date, _ db: Database) throws {
        try db.execute(sql: "UPDATE activity SET organisationId = ?, definition = ? WHERE id = ?",
                       arguments: [after.organisationId, try Self.definition(after), after.id])
        if after.capacity > before.capacity { try promote(after.id, now: now, db) }
        try JournalEntry.record(action, by: actor, about: Self.subject(after),
                                summary: summary, before: try JournalEntry.json(before), after: try JournalEntry.json(after), now: now, db)
    }

    /// How the `activity` table stores an activity: its JSON, keys sorted.
    static func definition(_ activity: Activity) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(activity), as: UTF8.self)
    }

    private static func subject(_ activity: Activity) -> JournalEntry.Subject {
        JournalEntry.Subject(kind: "activite", id: activity.id, organisationId: activity.organisationId)
    }

    func changes(from before: Activity, to after: Activity) -> String {
        var parts: [String] = []
        if before.title != after.title || before.period != after.period || before.description != after.description { parts.append("Présentation") }
        if before.opensOn != after.opensOn || before.closesOn != after.closesOn {
            parts.append("Inscriptions du \(after.opensOn.french) au \(after.closesOn.french)")
        }
        if before.startsOn != after.startsOn || before.endsOn != after.endsOn { parts.append("Dates de l'activité") }
        if before.organisationId != after.organisationId { parts.append("Organisation : \(catalogue.organisation(id: after.organisationId)?.name ?? after.organisationId)") }
        if before.regieId != after.regieId { parts.append("Régie : \(after.regieId ?? "aucune")") }
        if before.minAgeMonths != after.minAgeMonths || before.maxAgeMonths != after.maxAgeMonths { parts.append("Âges : \(after.ageRangeText)") }
        if before.communes != after.communes { parts.append("Communes") }
        if before.requiredDocuments != after.requiredDocuments { parts.append("Pièces demandées") }
        if before.capacity != after.capacity { parts.append("Places : \(before.capacity) → \(after.capacity)") }
        if before.tariff != after.tariff { parts.append("Tarif") }
        if before.billingNote != after.billingNote { parts.append("Note de facturation") }
        return parts.joined(separator: " ; ")
    }
}
