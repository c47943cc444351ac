import Foundation
import GRDB

extension Dossiers {
    /// An agent of the handling organisation acts on a filed dossier.
    ///
    /// The core refuses what makes no sense (``DossierError/invalidTransition(from:)``),
    /// a refusal or closing without reason (``DossierError/reasonRequired``), a reason breaking the
    /// rule of multi-line fields (its ``TypedText/Problem``), and any dossier outside the agent's
    /// organisation (``DossierError/notFound``). Taking a dossier in charge assigns it to the agent
    /// when nobody has it yet. Each action is one timeline event.
    public func perform(_ action: DossierAction, on dossierId: Int64, actor: Account?, now: Date) throws -> Dossier {
        guard let actor = actor?.acting(as: .agent) else { throw DossierError.notFound }
        if action == .submit { throw DossierError.notFound }
        let reason = try action.reason.map { reason throws(TypedText.Problem) in try TypedText.multiLine(reason, subject: "Le motif") }
        if action.reason != nil, reason?.isEmpty ?? true { throw DossierError.reasonRequired }
        return try database.pool.write { db in
            let dossier = try Self.visible(id: dossierId, to: actor, now: now, db)
            guard let target = action.target(from: dossier.status) else {
                throw DossierError.invalidTransition(from: dossier.status)
            }
            try db.execute(
                sql: """
                    UPDATE dossier SET status = ?, updatedAt = ?,
                        assignedAgentId = CASE WHEN ? AND assignedAgentId IS NULL THEN ? ELSE assignedAgentId END
                    WHERE id = ? AND status = ?
                    """,
                arguments: [target.rawValue, now, action == .takeInCharge, actor.id, dossier.id, dossier.status.rawValue])
            try DossierEvent.record(
                .statusChanged, dossierId: dossier.id, at: now, actor: actor.id, from: dossier.status, to: target,
                text: reason, db)
            let changed = try Dossier.fetch(id: dossier.id, db)!
            if let resident = try DossierNotifications.Recipient.account(changed.accountId, db) {
                try Outbox.enqueue(notifications.statusChanged(changed.summary, to: resident), now: now, db)
            }
            return changed
        }
    }
}
