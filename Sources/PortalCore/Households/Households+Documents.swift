import Foundation
import GRDB

extension Households {
    /// A supporting document as a parent sends it. Field names, in ``ValidationErrors``: `type`,
    /// `document`, `date` (its parts `date-day`, `-month`, `-year`), `quotient`, `enfant`.
    public struct DocumentForm: Sendable {
        public var kind: String
        public var upload: Dossiers.Upload?
        public var day: String
        public var month: String
        public var year: String
        /// The family quotient stated on a CAF statement.
        public var familyQuotient: String
        /// The child a vaccination record is about.
        public var memberId: Int64?

        public init(kind: String, upload: Dossiers.Upload?, day: String, month: String, year: String, familyQuotient: String = "",
                    memberId: Int64? = nil) {
            self.kind = kind
            self.upload = upload
            self.day = day
            self.month = month
            self.year = year
            self.familyQuotient = familyQuotient
            self.memberId = memberId
        }
    }

    /// Keeps a document for the household, valid for its kind's time from its date.
    public func addDocument(_ form: DocumentForm, actor: Account?, now: Date) throws -> SupportingDocument {
        guard let actor = actor?.acting(as: .resident) else { throw HouseholdError.notFound }
        let today = CalendarDay(now)
        let household = try self.household(of: actor, now: now)
        var errors = ValidationErrors()
        let kind = SupportingDocument.Kind(rawValue: form.kind)
        if kind == nil { errors.add("Choisissez le type de document.", for: "type") }
        let issuedOn = CalendarDay(typedDay: form.day, month: form.month, year: form.year)
        if let issuedOn {
            if today < issuedOn {
                errors.add("La date du document ne peut pas être dans le futur.", for: "date")
            } else if let months = kind?.validityMonths, issuedOn.adding(months: months) < today {
                errors.add("Ce document date de plus de \(months) mois : il n'est plus accepté. Envoyez-en un plus récent.", for: "date")
            }
        } else {
            errors.add("Saisissez la date du document, par exemple 2 9 2026.", for: "date")
        }
        var quotient: Int?
        if kind == .familyQuotient {
            quotient = Int(form.familyQuotient.trimmingCharacters(in: .whitespaces))
            if quotient == nil || !(0...9999).contains(quotient!) {
                errors.add("Saisissez le quotient familial indiqué sur l'attestation, un nombre entier, par exemple 742.", for: "quotient")
            }
        }
        if kind?.isAboutAChild == true, !household.children.contains(where: { $0.id == form.memberId }) {
            errors.add("Choisissez l'enfant concerné par ce document.", for: "enfant")
        }
        var stored: StoredFile?
        if let upload = form.upload, !upload.bytes.isEmpty {
            do {
                stored = try files.store(upload.bytes, originalName: upload.filename, owner: actor, allowed: FileKind.allCases,
                                         maximumBytes: Dossiers.defaultMaximumFileBytes, now: now)
            } catch let problem as FileStore.Problem {
                errors.add(problem.message, for: "document")
            }
        } else {
            errors.add("Choisissez le fichier du document (PDF, JPEG ou PNG).", for: "document")
        }
        guard errors.isEmpty, let kind, let issuedOn, let stored else { throw HouseholdError.invalid(errors) }
        return try database.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO household_document (householdId, memberId, kind, fileId, issuedOn, validUntil, familyQuotient, addedBy, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [household.id, kind.isAboutAChild ? form.memberId : nil, kind.rawValue, stored.id, issuedOn.iso,
                            kind.validityMonths.map { issuedOn.adding(months: $0).iso }, quotient, actor.id, now])
            let id = db.lastInsertedRowID
            return try SupportingDocument.fetchAll(householdId: household.id, db).first { $0.id == id }!
        }
    }

    /// A document of the household's, for its adults only: its file's metadata and bytes.
    public func document(_ id: Int64, actor: Account?) throws -> (StoredFile, Data) {
        guard let actor = actor?.acting(as: .resident) else { throw HouseholdError.notFound }
        let file = try database.pool.read { db -> StoredFile in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT stored_file.* FROM household_document
                JOIN household_member ON household_member.householdId = household_document.householdId AND household_member.accountId = ?
                JOIN stored_file ON stored_file.id = household_document.fileId
                WHERE household_document.id = ?
                """, arguments: [actor.id, id]) else { throw HouseholdError.notFound }
            return StoredFile(row: row)
        }
        return (file, try files.contents(of: file))
    }
}
