import Foundation
import GRDB

extension ScaleData {
    /// The full-territory number of dossiers (about 9 per seeded resident).
    public static let fullTerritoryDossiers = 300_000

    /// The dossiers seeded by default for `residents` residents: the full-territory ratio.
    public static func defaultDossiers(forResidents residents: Int) -> Int {
        residents * fullTerritoryDossiers / fullTerritoryResidents
    }

    /// What ``installDossiers(into:count:now:)`` did.
    public struct DossierReport: Sendable, Equatable {
        /// Dossiers created by this call (0 when seeded dossiers were already there, or no form is published).
        public var created: Int
        /// Dossiers of seeded residents in the database after the call.
        public var total: Int
        /// Those dossiers by status.
        public var perStatus: [DossierStatus: Int]
    }

    /// How often each procedure is asked for, relative to the others (3 when not listed).
    static let procedureWeights: [String: Int] = [
        "badge-decheterie": 20, "inscription-cantine": 14, "bac-ordures-menageres": 10, "acte-de-naissance": 10,
        "signalement-voirie": 8, "composteur": 6, "inscription-ecole-de-musique": 6, "certificat-urbanisme": 6,
        "location-salle-des-fetes": 6, "inscription-creche": 5, "attestation-accueil": 3, "subvention-association": 2,
    ]

    /// Spreads `count` dossiers over the seeded residents (about one in ten has none), over the
    /// procedures with a published form that are offered in each resident's commune, routed to
    /// the organisation handling them there. Most are closed (accepted, refused, without
    /// follow-up) and were filed over the last three years; the recent ones are still filed,
    /// in review or awaiting documents (with the document asked for); a few are drafts. Each has
    /// its timeline: started, filed, and the last change of status.
    ///
    /// Everything but the references is drawn from a generator seeded with `seed`, so two runs
    /// give the same data set. When seeded residents already have dossiers, or no form is
    /// published, nothing is written.
    @discardableResult
    public static func installDossiers(
        into database: PortalDatabase, count: Int, now: Date = Date(), seed: UInt64 = 2026
    ) throws -> DossierReport {
        let existing = try seededDossierCounts(in: database)
        guard existing.isEmpty, count > 0 else { return DossierReport(created: 0, total: existing.values.reduce(0, +), perStatus: existing) }
        let catalogue = try Catalogue(database: database)
        let forms = FormStore(database: database)
        var procedures: [(procedure: Procedure, form: FormDefinition, answers: [String])] = []
        for slug in try forms.procedureSlugs().sorted() {
            guard let procedure = catalogue.procedure(slug: slug), let form = try forms.current(procedureSlug: slug) else { continue }
            procedures.append((procedure, form, try answerVariants(for: form)))
        }
        guard !procedures.isEmpty else { return DossierReport(created: 0, total: 0, perStatus: [:]) }

        // What can be asked in each commune, and of whom.
        var offers: [String: [Offer]] = [:]
        for commune in catalogue.communes() {
            var total = 0
            for (index, entry) in procedures.enumerated() {
                guard case .organisation(let organisation, _, _) = catalogue.handler(for: entry.procedure, commune: commune.insee) else {
                    continue
                }
                total += procedureWeights[entry.procedure.slug] ?? 3
                offers[commune.insee, default: []].append(Offer(procedure: index, organisationId: organisation.id, cumulativeWeight: total))
            }
        }

        let residents = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, communeInsee FROM account WHERE email LIKE ? ORDER BY id",
                             arguments: ["%@" + emailDomain])
                .map { (id: $0["id"] as Int64, commune: $0["communeInsee"] as String) }
        }
        guard !residents.isEmpty else { return DossierReport(created: 0, total: 0, perStatus: [:]) }

        var random = SplitMix64(seed: seed)
        // One resident in ten has no dossier; the others between a few and about twenty.
        let weights = residents.indices.map { index in
            (key: String(index), weight: (index + 1) % 10 == 0 ? 0 : Int.random(in: 1...20, using: &random))
        }
        let perResident = apportion(count, weights: weights).map(\.count)
        var references = Set(try database.pool.read { db in try String.fetchAll(db, sql: "SELECT reference FROM dossier") })

        var created = 0
        var index = 0
        var residentDossiers = 0
        // The indexes outgrow SQLite's default 2 MB page cache early on: without a larger one, most
        // of the time goes to reading back pages just written.
        let cacheSize = try database.pool.write { db in
            let size = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -131072")
            return size
        }
        defer { try? database.pool.write { db in try db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
        while index < residents.count {
            try database.pool.write { db in
                let insertDossier = try db.makeStatement(sql: """
                    INSERT INTO dossier (reference, procedureSlug, procedureTitle, formVersion, accountId, communeInsee, organisationId,
                                         status, answers, createdAt, updatedAt, filedAt, decisionDueAt, draftExpiresAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let insertEvent = try db.makeStatement(sql: """
                    INSERT INTO dossier_event (dossierId, kind, at, actorAccountId, fromStatus, toStatus, text, internal)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                    """)
                let insertRequest = try db.makeStatement(sql: """
                    INSERT INTO document_request (dossierId, label, explanation, dueOn, status, requestedAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                var written = 0
                while index < residents.count, written < batchSize {
                    let resident = residents[index]
                    if residentDossiers >= perResident[index] {
                        index += 1
                        residentDossiers = 0
                        continue
                    }
                    residentDossiers += 1
                    written += 1
                    guard let choices = offers[resident.commune], let last = choices.last else { continue }
                    let pick = Int.random(in: 0..<last.cumulativeWeight, using: &random)
                    let offer = choices.first { pick < $0.cumulativeWeight }!
                    let entry = procedures[offer.procedure]
                    let story = Story.draw(now: now, using: &random)
                    var reference = DossierReference.make()
                    while !references.insert(reference).inserted { reference = DossierReference.make() }
                    let filed = story.filedAt != nil
                    try insertDossier.execute(arguments: [
                        reference, entry.procedure.slug, entry.procedure.title, entry.form.version, resident.id, resident.commune,
                        filed ? offer.organisationId : nil, story.status.rawValue,
                        entry.answers[Int.random(in: 0..<entry.answers.count, using: &random)],
                        storageText(story.createdAt), storageText(story.updatedAt), story.filedAt.map(storageText),
                        story.filedAt.map { storageText(entry.procedure.silence.decisionDate(filedAt: $0)) },
                        filed ? nil : storageText(story.createdAt.addingTimeInterval(Dossiers.draftLifetime)),
                    ])
                    let dossierId = db.lastInsertedRowID
                    try insertEvent.execute(arguments: [dossierId, DossierEvent.Kind.started.rawValue, storageText(story.createdAt), resident.id,
                                                        nil, DossierStatus.draft.rawValue, nil])
                    if let filedAt = story.filedAt {
                        try insertEvent.execute(arguments: [dossierId, DossierEvent.Kind.filed.rawValue, storageText(filedAt), resident.id,
                                                            DossierStatus.draft.rawValue, DossierStatus.filed.rawValue, nil])
                    }
                    if let change = story.change {
                        try insertEvent.execute(arguments: [dossierId, DossierEvent.Kind.statusChanged.rawValue, storageText(story.updatedAt), nil,
                                                            change.from.rawValue, story.status.rawValue, change.reason])
                    }
                    if story.status == .awaitingDocuments {
                        try insertRequest.execute(arguments: [
                            dossierId, "Justificatif de domicile de moins de 3 mois",
                            "Facture d'électricité, de gaz, d'eau ou de téléphone fixe, ou avis d'imposition, à votre nom.",
                            CalendarDay(story.updatedAt.addingTimeInterval(15 * 24 * 3600)).iso,
                            DocumentRequest.Status.requested.rawValue, storageText(story.updatedAt), storageText(story.updatedAt),
                        ])
                    }
                    created += 1
                }
            }
        }
        let counts = try seededDossierCounts(in: database)
        return DossierReport(created: created, total: counts.values.reduce(0, +), perStatus: counts)
    }

    /// One procedure offered in a commune, and who handles it there.
    private struct Offer {
        var procedure: Int
        var organisationId: String
        /// The running total of the weights up to this one, to draw by weight.
        var cumulativeWeight: Int
    }

    /// The life of one seeded dossier so far.
    private struct Story {
        var status: DossierStatus
        var createdAt: Date
        var filedAt: Date?
        /// The last event's date.
        var updatedAt: Date
        /// The last change of status after filing, if any.
        var change: (from: DossierStatus, reason: String?)?

        static let day: TimeInterval = 24 * 3600
        static let refusals = ["Pièces justificatives incomplètes.", "Vous ne remplissez pas les conditions d'attribution.",
                               "Plus de place disponible à la date demandée."]

        static func draw(now: Date, using random: inout SplitMix64) -> Story {
            let roll = Double.random(in: 0..<1, using: &random)
            if roll < 0.015 { // A draft started in the last two months, not yet expired.
                let created = now.addingTimeInterval(-Double.random(in: 600..<(60 * day), using: &random))
                return Story(status: .draft, createdAt: created, filedAt: nil, updatedAt: created, change: nil)
            }
            let filedAt = now.addingTimeInterval(-Double.random(in: 300..<(3 * 365 * day), using: &random))
            let createdAt = filedAt.addingTimeInterval(-Double.random(in: 120..<(2 * day), using: &random))
            let age = now.timeIntervalSince(filedAt)
            // Closed within 45 days of filing, unless still open: most recent dossiers, a few old ones.
            let stillOpen = age < 75 * day ? Double.random(in: 0..<1, using: &random) < 0.7 : Double.random(in: 0..<1, using: &random) < 0.01
            let changedAt = min(now.addingTimeInterval(-60), filedAt.addingTimeInterval(Double.random(in: 3600..<(45 * day), using: &random)))
            if stillOpen {
                let open = Double.random(in: 0..<1, using: &random)
                if open < 0.45 || changedAt <= filedAt {
                    return Story(status: .filed, createdAt: createdAt, filedAt: filedAt, updatedAt: filedAt, change: nil)
                }
                let status: DossierStatus = open < 0.85 ? .inReview : .awaitingDocuments
                return Story(status: status, createdAt: createdAt, filedAt: filedAt, updatedAt: max(changedAt, filedAt),
                             change: (status == .inReview ? .filed : .inReview, nil))
            }
            let closing = Double.random(in: 0..<1, using: &random)
            let changed = max(changedAt, filedAt.addingTimeInterval(1))
            if closing < 0.72 {
                return Story(status: .accepted, createdAt: createdAt, filedAt: filedAt, updatedAt: changed, change: (.inReview, nil))
            } else if closing < 0.82 {
                let reason = refusals[Int.random(in: 0..<refusals.count, using: &random)]
                return Story(status: .refused, createdAt: createdAt, filedAt: filedAt, updatedAt: changed, change: (.inReview, reason))
            }
            return Story(status: .closedWithoutFollowUp, createdAt: createdAt, filedAt: filedAt, updatedAt: changed,
                         change: (.filed, "Demande retirée par l'usager."))
        }
    }

    private static let answerNames = ["Léo", "Jade", "Louise", "Adam", "Alice", "Raphaël", "Rose", "Maël"]

    /// A few JSON answer sets for a form: the first choice question (a choice that does not end
    /// the form) and the first name and family-name questions answered; `{}` when none fits.
    static func answerVariants(for form: FormDefinition) throws -> [String] {
        let fields = form.allFields
        let choice = fields.first { $0.kind == .singleChoice && $0.condition == nil && $0.choices.contains { $0.ending == nil } }
        let givenName = fields.first { $0.kind == .shortText && $0.id.hasPrefix("prenom") }
        let familyName = fields.first { $0.kind == .shortText && ($0.id == "nom" || $0.id.hasPrefix("nom-enfant") || $0.id == "nom-visiteur") }
        return try answerNames.indices.map { index in
            var answers = FormAnswers()
            if let choice {
                let values = choice.choices.filter { $0.ending == nil }.map(\.value)
                answers[choice.id] = .text(values[index % values.count])
            }
            if let givenName { answers[givenName.id] = .text(answerNames[index]) }
            if let familyName { answers[familyName.id] = .text(familyNames[(index * 7) % familyNames.count]) }
            return try Dossier.encode(answers)
        }
    }

    /// `date` as GRDB stores it (`2026-03-01 10:00:00.000`, UTC, to the nearest millisecond), without
    /// its `DateFormatter`: formatting the 1.5 million dates of the full data set through ICU
    /// took a fifth of the seeding time.
    static func storageText(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, dayMilliseconds) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, time) = dayMilliseconds < 0 ? (days - 1, dayMilliseconds + 86_400_000) : (days, dayMilliseconds)
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var bytes = [UInt8](repeating: 0, count: 23)
        func put(_ value: Int64, at offset: Int, digits: Int) {
            var value = value
            for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                bytes[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
                value /= 10
            }
        }
        put(year, at: 0, digits: 4)
        put(month, at: 5, digits: 2)
        put(dayOfMonth, at: 8, digits: 2)
        put(time / 3_600_000, at: 11, digits: 2)
        put(time / 60000 % 60, at: 14, digits: 2)
        put(time / 1000 % 60, at: 17, digits: 2)
        put(time % 1000, at: 20, digits: 3)
        for (index, separator) in [(4, "-"), (7, "-"), (10, " "), (13, ":"), (16, ":"), (19, ".")] as [(Int, Character)] {
            bytes[index] = separator.asciiValue!
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Dossiers of seeded residents by status.
    private static func seededDossierCounts(in database: PortalDatabase) throws -> [DossierStatus: Int] {
        try database.pool.read { db in
            var counts: [DossierStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT status, COUNT(*) AS n FROM dossier
                WHERE accountId IN (SELECT id FROM account WHERE email LIKE ?) GROUP BY status
                """, arguments: ["%@" + emailDomain]) {
                if let status = DossierStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }
}

/// A small, fast, seedable random number generator (SplitMix64), so a seeded data set is the
/// same from one run to the next.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
