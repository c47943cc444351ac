import Foundation
import GRDB

/// Registration use cases: an adult of a household registers a member to an activity — confirmed
/// while places remain, then on a waiting list in order; a place freed goes to the first waiting,
/// who is told; a priced activity bills the confirmed registration in its régie, by the
/// household's family quotient. Agents of the organisation running an activity see and process
/// its registrations.
public struct Registrations: Sendable {
    public let database: PortalDatabase
    public let catalogue: Catalogue
    public let invoices: Invoices
    public let notifications: RegistrationNotifications

    /// A confirmed registration's invoice is due this many days after it is issued.
    public static let paymentDays = 30

    public init(database: PortalDatabase, catalogue: Catalogue, links: any PortalLinks) {
        self.database = database
        self.catalogue = catalogue
        self.invoices = Invoices(database: database, catalogue: catalogue, links: links)
        self.notifications = RegistrationNotifications(links: links)
    }

    /// Every activity, by title.
    public func activities() throws -> [Activity] {
        try database.pool.read { db in try Activity.fetchAll(db) }.sorted { $0.title < $1.title }
    }

    /// The registrations of the actor's household, with their activities, latest first.
    public func registrations(of actor: Account?, now: Date) throws -> [(Registration, Activity)] {
        guard let actor = actor?.acting(as: .resident) else { throw RegistrationError.notFound }
        return try database.pool.write { db in
            let household = try Households.householdId(of: actor, now: now, db)
            let all = try Registration.fetchAll(db, "WHERE householdId = ? ORDER BY createdAt DESC, id DESC", arguments: [household])
            return try all.compactMap { registration in try Activity.fetch(id: registration.activityId, db).map { (registration, $0) } }
        }
    }

    /// Registers a member of the actor's household to an activity: confirmed when a place is left,
    /// waiting otherwise; the adult is told by e-mail.
    public func register(_ activityId: String, memberId: Int64, actor: Account?, now: Date) throws -> Registration {
        guard let actor = actor?.acting(as: .resident) else { throw RegistrationError.notFound }
        let today = CalendarDay(now)
        return try database.pool.write { db in
            guard let activity = try Activity.fetch(id: activityId, db) else { throw RegistrationError.notFound }
            let householdId = try Households.householdId(of: actor, now: now, db)
            let household = try Households.fetch(householdId, now: now, db)
            guard let member = household.member(memberId) else { throw RegistrationError.notFound }
            guard activity.isOpen(on: today) else { throw RegistrationError.closed(opensOn: activity.opensOn, closesOn: activity.closesOn) }
            guard activity.accepts(member) else { throw RegistrationError.ageOutOfRange(activity.ageRangeText) }
            if !activity.communes.isEmpty {
                guard let commune = actor.communeInsee, activity.communes.contains(commune) else { throw RegistrationError.communeNotServed }
            }
            let missing = activity.requiredDocuments.filter { household.validDocuments($0, on: today, about: member.id).isEmpty }
            guard missing.isEmpty else { throw RegistrationError.missingDocuments(missing) }
            let active = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM registration WHERE activityId = ? AND memberId = ? AND status IN (?, ?)
                """, arguments: [activityId, memberId, RegistrationStatus.confirmed.rawValue, RegistrationStatus.waiting.rawValue]) ?? 0
            guard active == 0 else { throw RegistrationError.alreadyRegistered }
            let status: RegistrationStatus = try Self.confirmedCount(activityId, db) < activity.capacity ? .confirmed : .waiting
            try db.execute(
                sql: """
                    INSERT INTO registration (activityId, householdId, memberId, memberName, status, requestedBy, createdAt, decidedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [activityId, householdId, memberId, member.fullName.trimmingCharacters(in: .whitespaces), status.rawValue,
                            actor.id, now, status == .confirmed ? now : nil])
            let id = db.lastInsertedRowID
            if status == .confirmed { try bill(id, activity: activity, household: household, payer: actor, now: now, db) }
            let registration = try Self.fetch(id, db)
            try tell(registration, activity: activity, promoted: false, now: now, db)
            return registration
        }
    }

    /// The family withdraws a registration; a place freed goes to the first waiting.
    public func cancel(_ registrationId: Int64, actor: Account?, now: Date) throws -> Registration {
        guard let actor = actor?.acting(as: .resident) else { throw RegistrationError.notFound }
        return try database.pool.write { db in
            let household = try Households.householdId(of: actor, now: now, db)
            let registration = try Self.fetch(registrationId, db)
            guard registration.householdId == household else { throw RegistrationError.notFound }
            guard registration.status.isActive else { throw RegistrationError.invalidTransition(from: registration.status) }
            try db.execute(sql: "UPDATE registration SET status = ?, decidedAt = ? WHERE id = ?",
                           arguments: [RegistrationStatus.cancelled.rawValue, now, registrationId])
            try Self.settleInvoice(of: registration, reason: "Inscription annulée par la famille", actor: actor.id, now: now, db)
            if registration.status == .confirmed { try promote(registration.activityId, now: now, db) }
            return try Self.fetch(registrationId, db)
        }
    }

    /// The invoice of a registration that ends: cancelled when nothing was paid on it; otherwise
    /// left to the régie with an anomaly saying a refund or a credit is due.
    static func settleInvoice(of registration: Registration, reason: String, actor: Int64?, now: Date, _ db: Database) throws {
        guard let invoiceId = registration.invoiceId, let invoice = try Invoice.fetch(id: invoiceId, db) else { return }
        if invoice.status == .toPay {
            try db.execute(sql: "UPDATE invoice SET status = ?, cancellationReason = ?, updatedAt = ? WHERE id = ?",
                           arguments: [InvoiceStatus.cancelled.rawValue, reason, now, invoiceId])
            try InvoiceEvent.record(.cancelled, invoiceId: invoiceId, at: now, actor: actor, text: reason, db)
        } else if invoice.paidCents > 0 {
            try InvoiceEvent.record(.anomaly, invoiceId: invoiceId, at: now, actor: actor, text: """
                \(reason) alors que \(Euros.format(invoice.paidCents)) ont été payés : remboursement ou avoir à prévoir.
                """, db)
        }
    }

    static func confirmedCount(_ activityId: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM registration WHERE activityId = ? AND status = ?",
                         arguments: [activityId, RegistrationStatus.confirmed.rawValue]) ?? 0
    }

    static func fetch(_ id: Int64, _ db: Database) throws -> Registration {
        guard let registration = try Registration.fetchAll(db, "WHERE id = ?", arguments: [id]).first else { throw RegistrationError.notFound }
        return registration
    }

    /// Gives freed places to those waiting, in order, each billed and told.
    func promote(_ activityId: String, now: Date, _ db: Database) throws {
        guard let activity = try Activity.fetch(id: activityId, db) else { return }
        while try Self.confirmedCount(activityId, db) < activity.capacity,
              let next = try Registration.fetchAll(db, "WHERE activityId = ? AND status = ? ORDER BY id LIMIT 1",
                                                   arguments: [activityId, RegistrationStatus.waiting.rawValue]).first {
            try db.execute(sql: "UPDATE registration SET status = ?, decidedAt = ? WHERE id = ?",
                           arguments: [RegistrationStatus.confirmed.rawValue, now, next.id])
            let household = try Households.fetch(next.householdId, now: now, db)
            if let payer = try Account.fetch(id: next.requestedBy, db) {
                try bill(next.id, activity: activity, household: household, payer: payer, now: now, db)
            }
            try tell(try Self.fetch(next.id, db), activity: activity, promoted: true, now: now, db)
        }
    }

    /// Issues the invoice of a confirmed registration to a priced activity, at the household's band.
    private func bill(_ registrationId: Int64, activity: Activity, household: Household, payer: Account, now: Date, _ db: Database) throws {
        guard let tariff = activity.tariff, let regieId = activity.regieId, let regie = try Regie.fetch(id: regieId, db) else { return }
        let today = CalendarDay(now)
        let quotient = household.familyQuotient(on: today)
        let member = try Self.fetch(registrationId, db).memberName
        let label = tariff.label + (quotient.map { " (quotient familial \($0))" } ?? (tariff.bands.count > 1 ? " (sans attestation de quotient familial)" : ""))
        let invoice = try Invoices.insert(
            Invoices.CheckedInvoice(
                regie: regie, payer: payer, object: "\(activity.title) – \(activity.period) – \(member)",
                lines: [InvoiceLine(label: label, period: activity.period, quantity: 1, unitPriceCents: tariff.price(forQuotient: quotient))],
                issuedOn: today, dueOn: today.adding(days: Self.paymentDays)),
            createdBy: nil, now: now, notifications: invoices.notifications, db)
        try db.execute(sql: "UPDATE registration SET invoiceId = ? WHERE id = ?", arguments: [invoice.id, registrationId])
    }

    private func tell(_ registration: Registration, activity: Activity, promoted: Bool, now: Date, _ db: Database) throws {
        guard let adult = try DossierNotifications.Recipient.account(registration.requestedBy, db) else { return }
        try Outbox.enqueue(notifications.decided(registration, activity: activity, to: adult, promoted: promoted), now: now, db)
    }
}
