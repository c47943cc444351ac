import Foundation
import GRDB

extension FranceServices {
    /// A mandate as the adviser records it. Field names: `familles`, `duree`, `consentement`, `lecture`, `code`.
    public struct MandateForm: Sendable {
        public var families: [String]
        public var duration: String
        public var consent: String
        /// For a signed summary: the adviser read the mandate to the resident, who signed it.
        public var readAndSigned: Bool
        /// For an e-mailed code: the code the resident read out.
        public var code: String

        public init(families: [String], duration: String, consent: String, readAndSigned: Bool = false, code: String = "") {
            self.families = families
            self.duration = duration
            self.consent = consent
            self.readAndSigned = readAndSigned
            self.code = code
        }
    }

    /// E-mails the resident a one-time code to read out if they agree to a mandate.
    @discardableResult
    public func sendConsentCode(to residentId: Int64, adviser: Account?, now: Date) throws -> String {
        let adviser = try Self.adviser(adviser)
        let code = Self.makeCode(length: 6)
        let site = catalogue.organisation(id: adviser.organisationId ?? "")?.name ?? "France Services"
        try database.pool.write { db in
            let resident = try Self.resident(residentId, db)
            try db.execute(sql: """
                INSERT INTO mandate_consent_code (residentAccountId, adviserAccountId, codeDigest, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)
                """, arguments: [resident.id, adviser.id, Self.digest(code), now, now.addingTimeInterval(Self.consentCodeLifetime)])
            try Outbox.enqueue(notifications.consentCode(to: resident, code: code, adviser: adviser.displayName, site: site), now: now, db)
            try AuditEntry.record(.consentCodeSent, adviser: adviser, resident: resident.id, mandate: nil,
                                  detail: "Code envoyé à \(resident.email)", at: now, db)
        }
        return code
    }

    /// Records a resident's mandate for the adviser's site, after their consent.
    public func recordMandate(_ form: MandateForm, for residentId: Int64, adviser: Account?, now: Date) throws -> Mandate {
        let adviser = try Self.adviser(adviser)
        var errors = ValidationErrors()
        let families = form.families.compactMap(ProcedureFamily.init(rawValue:))
        if families.isEmpty || families.count != form.families.count { errors.add("Cochez au moins un type de démarches.", for: "familles") }
        let duration = MandateDuration(rawValue: form.duration)
        if duration == nil { errors.add("Choisissez la durée du mandat.", for: "duree") }
        let consent = ConsentMethod(rawValue: form.consent)
        if consent == nil { errors.add("Choisissez comment la personne donne son accord.", for: "consentement") }
        if consent == .signedSummary, !form.readAndSigned {
            errors.add("Lisez le mandat à la personne et faites-lui signer le récapitulatif imprimé, puis cochez la case.", for: "lecture")
        }
        return try database.pool.write { db in
            let resident = try Self.resident(residentId, db)
            var codeId: Int64?
            if consent == .emailedCode {
                codeId = try Int64.fetchOne(db, sql: """
                    SELECT id FROM mandate_consent_code WHERE residentAccountId = ? AND adviserAccountId = ? AND codeDigest = ?
                    AND usedAt IS NULL AND expiresAt > ?
                    """, arguments: [resident.id, adviser.id, Self.digest(form.code), now])
                if codeId == nil { errors.add("Ce code ne correspond pas ou a expiré : envoyez-en un nouveau à la personne.", for: "code") }
            }
            guard errors.isEmpty, let duration, let consent else { throw FranceServicesError.invalid(errors) }
            if let codeId {
                try db.execute(sql: "UPDATE mandate_consent_code SET usedAt = ? WHERE id = ?", arguments: [now, codeId])
            }
            try db.execute(sql: """
                INSERT INTO mandate (residentAccountId, adviserAccountId, siteId, families, consent, createdAt, expiresAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [resident.id, adviser.id, adviser.organisationId, families.map(\.rawValue).joined(separator: ","),
                                 consent.rawValue, now, duration.end(from: now)])
            let mandate = try Mandate.fetchAll(db, "WHERE id = ?", arguments: [db.lastInsertedRowID])[0]
            try AuditEntry.record(.mandateRecorded, adviser: adviser, resident: resident.id, mandate: mandate.id, detail: """
                Mandat pour : \(families.map(\.label).joined(separator: " ; ")) — \(duration.label) — \(consent.label)
                """, at: now, db)
            return mandate
        }
    }

    /// A resident's mandates (active first): for the resident, or an adviser of a site holding one.
    public func mandates(of residentId: Int64, actor: Account?, now: Date) throws -> [Mandate] {
        guard let actor else { throw FranceServicesError.notFound }
        return try database.pool.read { db in
            let all = try Mandate.fetchAll(db, "WHERE residentAccountId = ? ORDER BY createdAt DESC, id DESC", arguments: [residentId])
            switch actor.role {
            case .resident where actor.id == residentId: return all
            case .franceServices: return all.filter { $0.siteId == actor.organisationId }
            default: throw FranceServicesError.notFound
            }
        }
    }

    /// Ends a mandate at once: the resident it is for, or an adviser of its site.
    public func revoke(_ mandateId: Int64, actor: Account?, now: Date) throws -> Mandate {
        guard let actor else { throw FranceServicesError.notFound }
        return try database.pool.write { db in
            guard let mandate = try Mandate.fetchAll(db, "WHERE id = ?", arguments: [mandateId]).first else { throw FranceServicesError.notFound }
            let allowed = actor.role == .resident ? actor.id == mandate.residentAccountId
                : actor.role == .franceServices && actor.organisationId == mandate.siteId
            guard allowed else { throw FranceServicesError.notFound }
            guard mandate.revokedAt == nil else { return mandate }
            try db.execute(sql: "UPDATE mandate SET revokedAt = ?, revokedBy = ? WHERE id = ?", arguments: [now, actor.id, mandateId])
            if let adviser = actor.role == .franceServices ? actor
                : try Account.fetch(id: mandate.adviserAccountId, db) {
                try AuditEntry.record(.mandateRevoked, adviser: adviser, resident: mandate.residentAccountId, mandate: mandate.id,
                                      detail: actor.role == .resident ? "Révoqué par vous" : "Révoqué par le conseiller", at: now, db)
            }
            return try Mandate.fetchAll(db, "WHERE id = ?", arguments: [mandateId])[0]
        }
    }

    /// The resident's account, for an adviser of a site holding a valid mandate covering `family`;
    /// ``FranceServicesError/noMandate`` otherwise. What the adviser then does is journaled with ``record(_:for:under:adviser:now:)``.
    public func actingAccount(for residentId: Int64, family: ProcedureFamily, adviser: Account?, now: Date) throws -> (Account, Mandate) {
        let adviser = try Self.adviser(adviser)
        return try database.pool.read { db in
            let mandate = try Mandate.fetchAll(db, """
                WHERE residentAccountId = ? AND siteId = ? AND revokedAt IS NULL AND expiresAt > ? ORDER BY createdAt DESC
                """, arguments: [residentId, adviser.organisationId, now]).first { $0.families.contains(family) }
            guard let mandate else { throw FranceServicesError.noMandate }
            var resident = try Self.resident(residentId, db)
            resident.franceServicesAdviser = FranceServicesAdviser(
                accountId: adviser.id, name: adviser.displayName,
                siteName: catalogue.organisation(id: mandate.siteId)?.name ?? "France Services", mandateId: mandate.id)
            return (resident, mandate)
        }
    }

    /// Journals something an adviser did for a resident under a mandate ("Demande CC-7K3-M9Q déposée").
    public func record(_ detail: String, for residentId: Int64, under mandate: Mandate, adviser: Account?, now: Date) throws {
        let adviser = try Self.adviser(adviser)
        guard mandate.residentAccountId == residentId, mandate.siteId == adviser.organisationId else { throw FranceServicesError.noMandate }
        try database.pool.write { db in
            try AuditEntry.record(.actedFor, adviser: adviser, resident: residentId, mandate: mandate.id, detail: detail, at: now, db)
        }
    }
}
