import Foundation
import GRDB

extension Registrations {
    /// The activities an agent's organisations run, by title.
    public func activities(of actor: Account?) throws -> [Activity] {
        guard let actor = actor?.acting(as: .agent) else { throw RegistrationError.notFound }
        return try activities().filter { actor.organisationIds.contains($0.organisationId) }
    }

    /// An activity's registrations for an agent of its organisation: confirmed ones by name, then
    /// those waiting in order, then the refused and cancelled.
    public func registrations(to activityId: String, actor: Account?) throws -> (Activity, [Registration]) {
        let activity = try managed(activityId, by: actor)
        let all = try database.pool.read { db in
            try Registration.fetchAll(db, "WHERE activityId = ? ORDER BY id", arguments: [activityId])
        }
        let order: [RegistrationStatus] = [.confirmed, .waiting, .refused, .cancelled]
        return (activity, all.sorted { a, b in
            let (ia, ib) = (order.firstIndex(of: a.status) ?? 0, order.firstIndex(of: b.status) ?? 0)
            if ia != ib { return ia < ib }
            return a.status == .confirmed ? a.memberName.localizedStandardCompare(b.memberName) == .orderedAscending : a.id < b.id
        })
    }

    /// An agent refuses a registration, with a reason; a confirmed one frees its place for the first
    /// waiting. A reason breaking the rule of multi-line fields throws its ``TypedText/Problem``.
    public func refuse(_ registrationId: Int64, reason: String, actor: Account?, now: Date) throws -> Registration {
        try database.pool.write { db in
            let registration = try Self.fetch(registrationId, db)
            _ = try managed(registration.activityId, by: actor)
            guard registration.status.isActive else { throw RegistrationError.invalidTransition(from: registration.status) }
            let reason = try TypedText.multiLine(reason, subject: "Le motif du refus")
            guard !reason.isEmpty else { throw RegistrationError.reasonRequired }
            try db.execute(sql: "UPDATE registration SET status = ?, refusalReason = ?, decidedAt = ? WHERE id = ?",
                           arguments: [RegistrationStatus.refused.rawValue, reason, now, registrationId])
            try Self.settleInvoice(of: registration, reason: "Inscription refusée : \(reason)", actor: actor?.id, now: now, db)
            let refused = try Self.fetch(registrationId, db)
            if let activity = try Activity.fetch(id: registration.activityId, db),
               let adult = try DossierNotifications.Recipient.account(refused.requestedBy, db) {
                try Outbox.enqueue(notifications.decided(refused, activity: activity, to: adult, promoted: false), now: now, db)
            }
            if registration.status == .confirmed { try promote(registration.activityId, now: now, db) }
            return refused
        }
    }

    /// The activity if `actor` is an agent of the organisation running it.
    private func managed(_ activityId: String, by actor: Account?) throws -> Activity {
        guard let actor = actor?.acting(as: .agent),
              let activity = try database.pool.read({ db in try Activity.fetch(id: activityId, db) }),
              actor.organisationIds.contains(activity.organisationId) else { throw RegistrationError.notFound }
        return activity
    }
}
