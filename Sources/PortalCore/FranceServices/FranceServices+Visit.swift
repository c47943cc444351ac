import Foundation
import GRDB

extension FranceServices {
    /// What the adviser's site recorded for a resident on the day of `now` (in France), oldest
    /// first — account, consent, mandates, actions with their references: the récépissé of the
    /// visit. ``FranceServicesError/notFound`` for an account that is not a resident's.
    public func visit(of residentId: Int64, adviser: Account?, now: Date) throws -> [AuditEntry] {
        let adviser = try Self.adviser(adviser)
        let day = CalendarDay(now), next = day.adding(days: 1)
        let start = CalendarDay.calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? now
        let end = CalendarDay.calendar.date(from: DateComponents(year: next.year, month: next.month, day: next.day)) ?? now
        return try database.pool.read { db in
            _ = try Self.resident(residentId, db)
            return try AuditEntry.fetchAll(db, """
                WHERE residentAccountId = ? AND siteId = ? AND at >= ? AND at < ? ORDER BY at, audit_entry.id
                """, arguments: [residentId, adviser.organisationId, start, end])
        }
    }
}
