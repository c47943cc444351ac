import Foundation
import GRDB

extension FranceServices {
    /// What an adviser sees of one resident before any mandate — name and commune — and whether a
    /// mandate of their site is valid now. Not journaled: the adviser reached them through a
    /// search, an account creation or a mandate, which are. ``FranceServicesError/notFound`` for an
    /// account that is not a resident's.
    public func resident(_ id: Int64, adviser: Account?, now: Date) throws -> ResidentMatch {
        let adviser = try Self.adviser(adviser)
        return try database.pool.read { db in
            let account = try Self.resident(id, db)
            let mandated = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM mandate WHERE residentAccountId = ? AND siteId = ? AND revokedAt IS NULL AND expiresAt > ?)
                """, arguments: [id, adviser.organisationId, now]) ?? false
            return ResidentMatch(accountId: account.id, displayName: account.displayName,
                                 communeName: account.communeInsee.flatMap { catalogue.commune(insee: $0)?.name },
                                 hasMandate: mandated)
        }
    }
}
