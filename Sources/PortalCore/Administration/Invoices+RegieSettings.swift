import Foundation
import GRDB

/// Administrators create and keep the régies: name, organisation, PayFiP contract and mode,
/// numbering code, and which agents may bill in each.
extension Invoices {
    /// Every régie, by name.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator.
    public func regiesToEdit(actor: Account?) throws -> [Regie] {
        try Catalogue.administrator(actor)
        return try database.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM regie ORDER BY name").map(Regie.init(row:)) }
    }

    /// The régie `id`, the agents named to bill in it, and the agents of its organisation to choose from.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator and it exists.
    public func regieToEdit(_ id: String, actor: Account?) throws -> (regie: Regie, billers: [Int64], agents: [Account]) {
        try Catalogue.administrator(actor)
        return try database.pool.read { db in
            guard let regie = try Regie.fetch(id: id, db) else { throw AccessError.notFound }
            return (regie, try Regie.billers(of: id, db), try Self.agents(of: regie.organisationId, db))
        }
    }

    /// Creates a régie from `form`, in PayFiP's test mode unless another is chosen, every agent of
    /// its organisation billing in it until some are named; journals it. Its id comes from its name.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator; ``ValidationErrors`` (nothing is saved then).
    public func create(regie form: RegieForm, by actor: Account?, now: Date) throws -> Regie {
        try Catalogue.administrator(actor)
        return try database.pool.write { db in
            let blank = Regie(id: "", organisationId: "", name: "", payfipClientNumber: "", payfipMode: .test, numberingCode: "")
            var (created, _) = try Self.validated(form, blank, db)
            created.id = try Slug.unique(Slug.make(created.name, fallback: "regie")) { try Regie.fetch(id: $0, db) != nil }
            try db.execute(sql: """
                INSERT INTO regie (id, organisationId, name, payfipClientNumber, payfipMode, numberingCode) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [created.id, created.organisationId, created.name, created.payfipClientNumber, created.payfipMode.rawValue,
                                 created.numberingCode])
            try JournalEntry.record(.regieCreated, by: actor, about: Self.subject(created),
                                    summary: "« \(created.name) », code \(created.numberingCode), PayFiP \(created.payfipMode.rawValue)",
                                    after: try JournalEntry.json(created), now: now, db)
            return created
        }
    }

    /// Saves `form` as the settings of régie `id` and journals the change.
    ///
    /// - Throws: ``AccessError`` as ``regieToEdit(_:actor:)``; ``ValidationErrors`` (nothing is saved then).
    public func update(regie id: String, with form: RegieForm, by actor: Account?, now: Date) throws -> Regie {
        let (before, billersBefore, _) = try regieToEdit(id, actor: actor)
        return try database.pool.write { db in
            let (after, billers) = try Self.validated(form, before, db)
            guard after != before || billers != billersBefore else { return before }
            try db.execute(sql: """
                UPDATE regie SET name = ?, organisationId = ?, payfipClientNumber = ?, payfipMode = ?, numberingCode = ? WHERE id = ?
                """, arguments: [after.name, after.organisationId, after.payfipClientNumber, after.payfipMode.rawValue, after.numberingCode, id])
            try db.execute(sql: "DELETE FROM regie_biller WHERE regieId = ?", arguments: [id])
            for biller in billers {
                try db.execute(sql: "INSERT INTO regie_biller (regieId, accountId) VALUES (?, ?)", arguments: [id, biller])
            }
            var parts: [String] = []
            if after.name != before.name { parts.append("Nom") }
            if after.organisationId != before.organisationId { parts.append("Organisation") }
            if after.payfipClientNumber != before.payfipClientNumber { parts.append("Numéro client PayFiP") }
            if after.payfipMode != before.payfipMode { parts.append("Mode PayFiP : \(after.payfipMode.rawValue)") }
            if after.numberingCode != before.numberingCode { parts.append("Code de numérotation : \(after.numberingCode)") }
            if billers != billersBefore { parts.append(billers.isEmpty ? "Tous les agents facturent" : "\(billers.count) agent(s) facturent") }
            try JournalEntry.record(.regieUpdated, by: actor, about: Self.subject(after),
                                    summary: parts.joined(separator: " ; "), before: try JournalEntry.json(before),
                                    after: try JournalEntry.json(after), now: now, db)
            return after
        }
    }

    /// `before` with the settings of `form`, and the billers it names among its organisation's agents.
    ///
    /// - Throws: ``ValidationErrors`` keyed by field, in the order of the page.
    private static func validated(_ form: RegieForm, _ before: Regie, _ db: Database) throws -> (Regie, [Int64]) {
        var errors = ValidationErrors()
        var after = before
        after.name = errors.singleLine(form.name, subject: "Le nom", for: "name")
        if after.name.isEmpty { errors.add("Indiquez le nom de la régie.", for: "name") }
        let kind = try String.fetchOne(db, sql: "SELECT kind FROM organisation WHERE id = ?", arguments: [form.organisation])
            .flatMap(Organisation.Kind.init(rawValue:))
        if let kind, [.mairie, .intercommunality, .intercommunalService].contains(kind) {
            after.organisationId = form.organisation
        } else {
            errors.add("Choisissez la mairie ou le service de la CCTOVAL dont dépend la régie.", for: "organisation")
        }
        after.payfipClientNumber = form.payfipClientNumber.filter { !$0.isWhitespace }
        if after.payfipClientNumber.count != 6 || !after.payfipClientNumber.allSatisfy({ $0.isASCII && $0.isNumber }) {
            errors.add("Le numéro client PayFiP compte six chiffres, donnés par la DGFiP.", for: "payfipClientNumber")
        }
        if let mode = PayFiPMode(rawValue: form.payfipMode) { after.payfipMode = mode } else {
            errors.add("Choisissez le mode PayFiP : test, activation ou production.", for: "payfipMode")
        }
        after.numberingCode = form.numberingCode.trimmingCharacters(in: .whitespaces).uppercased()
        if !(2...6).contains(after.numberingCode.count) || !after.numberingCode.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
            errors.add("Le code de numérotation compte 2 à 6 lettres capitales ou chiffres, par exemple DEC.", for: "numberingCode")
        } else if after.numberingCode != before.numberingCode {
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM invoice WHERE regieId = ?)", arguments: [before.id]) ?? false {
                errors.add("Des factures portent déjà le code \(before.numberingCode) : il ne change plus, pour que leurs numéros restent uniques.",
                           for: "numberingCode")
            } else if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM regie WHERE numberingCode = ? AND id <> ?)",
                                        arguments: [after.numberingCode, before.id]) ?? false {
                errors.add("Une autre régie a déjà le code \(after.numberingCode).", for: "numberingCode")
            }
        }
        let agents = try Self.agents(of: after.organisationId, db).map(\.id)
        let billers = form.billers.compactMap(Int64.init).filter(agents.contains)
        guard errors.isEmpty else { throw errors }
        return (after, billers)
    }

    private static func subject(_ regie: Regie) -> JournalEntry.Subject {
        JournalEntry.Subject(kind: "regie", id: regie.id, organisationId: regie.organisationId)
    }

    private static func agents(of organisation: String, _ db: Database) throws -> [Account] {
        try Row.fetchAll(db, sql: """
            SELECT \(Account.columns) FROM account JOIN account_organisation ON account_organisation.accountId = account.id
            WHERE \(Role.processingDossiersSQL) AND account_organisation.organisationId = ? AND deactivatedAt IS NULL
            ORDER BY displayName COLLATE NOCASE
            """, arguments: [organisation]).map(Account.init(row:))
    }
}
