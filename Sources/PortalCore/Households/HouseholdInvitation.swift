import Foundation
import GRDB

/// An invitation to join a household, as its link shows it before it is accepted.
public struct HouseholdInvitation: Sendable, Hashable {
    public var householdId: Int64
    /// The address invited: only the account with this login may accept.
    public var email: String
    /// Who invited, as their account names them.
    public var inviterName: String
    public var expiresAt: Date
}

extension Households {
    /// The open invitation of `token` (not used, not expired), for a résident who follows its link.
    public func invitation(token: String, actor: Account?, now: Date) throws -> HouseholdInvitation {
        guard actor?.acting(as: .resident) != nil else { throw HouseholdError.notFound }
        return try database.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT household_invitation.householdId, household_invitation.email, household_invitation.expiresAt,
                       account.displayName AS inviterName
                FROM household_invitation LEFT JOIN account ON account.id = household_invitation.invitedBy
                WHERE tokenDigest = ? AND acceptedAt IS NULL AND expiresAt > ?
                """, arguments: [SessionToken.digest(token), now]) else { throw HouseholdError.invitationInvalid }
            return HouseholdInvitation(householdId: row["householdId"], email: row["email"],
                                       inviterName: row["inviterName"] ?? "Un adulte du foyer", expiresAt: row["expiresAt"])
        }
    }
}
