import Foundation
import GRDB

/// What a resident's dashboard shows, read in one transaction so that its parts agree.
public struct Dashboard: Sendable {
    /// The resident's dossiers, most recently changed first; expired drafts are left out.
    public var dossiers: [DossierSummary]
    /// The documents the resident still has to send, nearest due date first, with their dossier.
    public var documentsToSend: [(request: DocumentRequest, dossier: DossierSummary)]
    /// The open dossiers whose last message is the service's and awaits an answer, oldest first.
    public var messagesAwaitingReply: [(dossier: DossierSummary, sentAt: Date)]
    /// How many of the resident's invoices are to pay, and what remains on them.
    public var invoicesDue: (count: Int, remainingCents: Int)
}

extension Dossiers {
    /// The dashboard of `actor`, a resident; another role's account is ``DossierError/notFound``.
    ///
    /// The most visited page of a logged-in resident: one read instead of one per part, since each
    /// read takes a connection from the pool and gives it back.
    public func dashboard(of actor: Account?, now: Date) throws -> Dashboard {
        guard let actor = actor?.acting(as: .resident) else { throw DossierError.notFound }
        return try database.pool.read { db in
            Dashboard(
                dossiers: try Self.dossiers(ofResident: actor.id, now: now, db),
                documentsToSend: try Self.pendingDocumentRequests(ofResident: actor.id, db).map { ($0, $1) },
                messagesAwaitingReply: try Self.messagesAwaitingReply(ofResident: actor.id, now: now, db).map { ($0, $1) },
                invoicesDue: try Invoices.dueSummary(ofPayer: actor.id, db))
        }
    }
}
