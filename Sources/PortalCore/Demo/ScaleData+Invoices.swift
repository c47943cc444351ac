import Foundation
import GRDB

extension ScaleData {
    /// The full-territory number of invoices over three years (about 30 per seeded resident).
    public static let fullTerritoryInvoices = 1_000_000

    /// The invoices seeded by default for `residents` residents: the full-territory ratio.
    public static func defaultInvoices(forResidents residents: Int) -> Int {
        residents * fullTerritoryInvoices / fullTerritoryResidents
    }

    /// What ``installInvoices(into:count:now:seed:)`` did.
    public struct InvoiceReport: Sendable, Equatable {
        /// Invoices created by this call (0 when seeded residents already had invoices).
        public var created: Int
        /// Invoices of seeded residents in the database after the call.
        public var total: Int
    }

    /// What a seeded invoice bills, and which régie: the resident's mairie or a CCTOVAL service.
    private struct Billing: Sendable {
        /// Nil: the resident's mairie's régie, numbered with the commune's INSEE code.
        var service: (regie: String, code: String)?
        var object: String
        var line: String
        var unitCents: ClosedRange<Int>
        var quantity: ClosedRange<Int>
        var weight: Int
    }

    private static let billings: [Billing] = [
        Billing(service: nil, object: "Restauration scolaire", line: "Repas enfant",
                unitCents: 320...420, quantity: 8...20, weight: 9),
        Billing(service: nil, object: "Accueil périscolaire", line: "Présence matin ou soir",
                unitCents: 150...260, quantity: 6...30, weight: 5),
        Billing(service: nil, object: "Location de salle", line: "Salle communale, journée",
                unitCents: 8_000...25_000, quantity: 1...1, weight: 1),
        Billing(service: ("dechets", "DEC"), object: "Redevance déchets", line: "Part fixe et levées",
                unitCents: 4_000...9_000, quantity: 1...1, weight: 4),
        Billing(service: ("enfance-jeunesse", "ENF"), object: "Accueil de loisirs", line: "Journée avec repas",
                unitCents: 800...1_600, quantity: 1...10, weight: 4),
        Billing(service: ("ecole-musique", "EMU"), object: "École de musique", line: "Trimestre de cours",
                unitCents: 6_000...15_000, quantity: 1...1, weight: 2),
    ]

    /// Spreads `count` invoices over the seeded residents over the last three years, each from
    /// their mairie's régie or a CCTOVAL service's, numbered per régie and year without gaps.
    /// Most older ones are paid (online, by cheque, in cash), the recent ones are to pay, a few
    /// partly paid, cancelled or with the public accountant. Drawn from a generator seeded
    /// with `seed`; nothing is written when seeded residents already have invoices or the
    /// régies are not installed.
    @discardableResult
    public static func installInvoices(into database: PortalDatabase, count: Int, now: Date = Date(), seed: UInt64 = 2027) throws -> InvoiceReport {
        let existing = try seededInvoiceCount(in: database)
        let regies = Set(try database.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM regie") })
        guard existing == 0, count > 0, regies.contains("dechets") else { return InvoiceReport(created: 0, total: existing) }
        let residents = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, communeInsee FROM account WHERE email LIKE ? ORDER BY id", arguments: ["%@" + emailDomain])
                .map { (id: $0["id"] as Int64, commune: $0["communeInsee"] as String) }
        }
        guard !residents.isEmpty else { return InvoiceReport(created: 0, total: 0) }
        var random = SplitMix64(seed: seed)
        let totalWeight = billings.reduce(0) { $0 + $1.weight }
        let day: TimeInterval = 24 * 3600
        // The invoices' issue dates, oldest first, so that numbers follow dates within a régie and year.
        var dates = (0..<count).map { _ in now.addingTimeInterval(-Double.random(in: day..<(3 * 365 * day), using: &random)) }
        dates.sort()
        var counters: [String: Int] = [:]
        var created = 0
        let cacheSize = try database.pool.write { db in
            let size = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -131072")
            return size
        }
        defer { try? database.pool.write { db in try db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
        while created < count {
            try database.pool.write { db in
                let insertInvoice = try db.makeStatement(sql: """
                    INSERT INTO invoice (number, regieId, payerAccountId, object, totalCents, paidCents, issuedOn, dueOn,
                                         payableOnlineUntil, status, cancellationReason, createdAt, updatedAt, sentToCollectionAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let insertLine = try db.makeStatement(sql: """
                    INSERT INTO invoice_line (invoiceId, position, label, period, quantity, unitPriceCents) VALUES (?, 0, ?, ?, ?, ?)
                    """)
                let insertPayment = try db.makeStatement(sql: """
                    INSERT INTO payment (invoiceId, regieId, amountCents, channel, status, reference, createdAt, settledAt)
                    VALUES (?, ?, ?, ?, 'payee', ?, ?, ?)
                    """)
                let insertEvent = try db.makeStatement(sql: "INSERT INTO invoice_event (invoiceId, kind, at, text) VALUES (?, ?, ?, ?)")
                for issuedAt in dates[created..<min(count, created + batchSize)] {
                    let resident = residents[Int.random(in: 0..<residents.count, using: &random)]
                    var pick = Int.random(in: 0..<totalWeight, using: &random)
                    let billing = billings.first { pick -= $0.weight; return pick < 0 }!
                    let regie = billing.service?.regie ?? "mairie-\(resident.commune)"
                    let code = billing.service?.code ?? resident.commune
                    let issuedOn = CalendarDay(issuedAt)
                    let key = "\(regie)/\(issuedOn.year)"
                    counters[key, default: 0] += 1
                    let number = "F-\(code)-\(String(format: "%02d", issuedOn.year % 100))-\(String(format: "%06d", counters[key]!))"
                    let quantity = Int.random(in: billing.quantity, using: &random)
                    let unit = Int.random(in: billing.unitCents, using: &random)
                    let total = quantity * unit
                    let dueOn = issuedOn.adding(days: 30)
                    let age = now.timeIntervalSince(issuedAt) / day
                    let roll = Double.random(in: 0..<1, using: &random)
                    let status: InvoiceStatus = switch (age, roll) {
                    case (_, ..<0.01): .cancelled
                    case (60..., ..<0.03): .sentToCollection
                    case (45..., _): .paid
                    case (_, ..<0.35): .paid
                    case (_, ..<0.40): .partiallyPaid
                    default: .toPay
                    }
                    let paid = status == .paid ? total : status == .partiallyPaid ? total / 2 : 0
                    let period = "\(CalendarDay.monthNames[issuedOn.month - 1]) \(issuedOn.year)"
                    try insertInvoice.execute(arguments: [
                        number, regie, resident.id, "\(billing.object) – \(period)", total, paid, issuedOn.iso, dueOn.iso,
                        dueOn.adding(days: Invoices.onlinePaymentGraceDays).iso, status.rawValue,
                        status == .cancelled ? "Facture émise par erreur." : nil, storageText(issuedAt), storageText(issuedAt),
                        status == .sentToCollection ? storageText(issuedAt.addingTimeInterval(60 * day)) : nil,
                    ])
                    let invoiceId = db.lastInsertedRowID
                    try insertLine.execute(arguments: [invoiceId, billing.line, period, quantity, unit])
                    try insertEvent.execute(arguments: [invoiceId, InvoiceEvent.Kind.issued.rawValue, storageText(issuedAt), nil])
                    if paid > 0 {
                        let paidAt = min(now, issuedAt.addingTimeInterval(Double.random(in: day..<(30 * day), using: &random)))
                        let channel = [PaymentChannel.online, .online, .online, .cheque, .cash, .transfer][Int.random(in: 0..<6, using: &random)]
                        try insertPayment.execute(arguments: [invoiceId, regie, paid, channel.rawValue,
                                                              channel == .cheque ? String(Int.random(in: 1_000_000...9_999_999, using: &random)) : nil,
                                                              storageText(paidAt), storageText(paidAt)])
                        try insertEvent.execute(arguments: [invoiceId, InvoiceEvent.Kind.paymentReceived.rawValue, storageText(paidAt),
                                                            "\(Euros.format(paid)) — \(channel.label)"])
                    }
                }
                created = min(count, created + batchSize)
            }
        }
        try database.pool.write { db in
            for (key, last) in counters {
                let parts = key.split(separator: "/")
                try db.execute(sql: """
                    INSERT INTO invoice_counter (regieId, year, lastNumber) VALUES (?, ?, ?)
                    ON CONFLICT (regieId, year) DO UPDATE SET lastNumber = MAX(lastNumber, excluded.lastNumber)
                    """, arguments: [String(parts[0]), Int(parts[1]), last])
            }
        }
        return InvoiceReport(created: created, total: try seededInvoiceCount(in: database))
    }

    /// Invoices whose payer is a seeded resident.
    static func seededInvoiceCount(in database: PortalDatabase) throws -> Int {
        try database.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM invoice JOIN account ON account.id = invoice.payerAccountId WHERE account.email LIKE ?
                """, arguments: ["%@" + emailDomain]) ?? 0
        }
    }
}
