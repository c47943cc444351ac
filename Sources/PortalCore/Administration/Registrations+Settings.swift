import Foundation
import GRDB

/// Administrators, and the managers of the organisation running it, keep an activity: its text,
/// registration window, dates and places; they open or close its registrations.
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

    /// Saves `form` as activity `id`'s settings; more places go to those waiting, in order. A
    /// confirmed registration is never dropped: fewer places than confirmed is refused.
    ///
    /// - Throws: ``AccessError`` as ``activityToEdit(_:actor:)``; ``ValidationErrors`` (nothing is saved then).
    public func update(activity id: String, with form: ActivityForm, by actor: Account?, now: Date) throws -> Activity {
        _ = try activityToEdit(id, actor: actor)
        return try database.pool.write { db in
            // Read again in the transaction: a registration may have come in meanwhile.
            guard let before = try Activity.fetch(id: id, db) else { throw AccessError.notFound }
            let after = try form.validated(before, confirmed: try Self.confirmedCount(id, db))
            guard after != before else { return before }
            try save(after, before: before, action: .activityUpdated, summary: Self.changes(from: before, to: after), by: actor, now: now, db)
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try db.execute(sql: "UPDATE activity SET definition = ? WHERE id = ?",
                       arguments: [String(decoding: try encoder.encode(after), as: UTF8.self), after.id])
        if after.capacity > before.capacity { try promote(after.id, now: now, db) }
        try JournalEntry.record(action, by: actor, about: JournalEntry.Subject(kind: "activite", id: after.id, organisationId: after.organisationId),
                                summary: summary, before: try JournalEntry.json(before), after: try JournalEntry.json(after), now: now, db)
    }

    static func changes(from before: Activity, to after: Activity) -> String {
        var parts: [String] = []
        if before.title != after.title || before.period != after.period || before.description != after.description { parts.append("Présentation") }
        if before.opensOn != after.opensOn || before.closesOn != after.closesOn {
            parts.append("Inscriptions du \(after.opensOn.french) au \(after.closesOn.french)")
        }
        if before.startsOn != after.startsOn || before.endsOn != after.endsOn { parts.append("Dates de l'activité") }
        if before.capacity != after.capacity { parts.append("Places : \(before.capacity) → \(after.capacity)") }
        if before.billingNote != after.billingNote { parts.append("Note de facturation") }
        return parts.joined(separator: " ; ")
    }
}
