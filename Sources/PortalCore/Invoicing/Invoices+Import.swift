import Foundation
import GRDB

extension Invoices {
    /// The columns of an invoice file, by their header names (any order, capitals or not).
    /// Lines sharing a `reference` (the régie's own reference of the invoice) are one invoice.
    public enum ImportColumn: String, Sendable, CaseIterable {
        case payerEmail = "payeur_email"
        case object = "objet"
        case dueOn = "echeance"
        case label = "libelle"
        case period = "periode"
        case quantity = "quantite"
        case unitPrice = "prix_unitaire"
        case reference = "reference"

        /// Whether a file must have this column.
        public var isRequired: Bool { self != .period }
    }

    /// The longest régie reference accepted.
    public static let maximumReferenceLength = 60

    /// Issues the invoices of a CSV file for the régie `regieId`, all or none: each invoice is
    /// checked as a typed one is (same messages); if any line is wrong nothing is issued and the
    /// report lists every wrong line with its reasons; otherwise every invoice is issued in one
    /// transaction, numbered one after the other, and each payer is told. A reference already
    /// imported for the régie is refused, so a file imported twice issues nothing the second time.
    /// Throws ``InvoiceError/invalid(_:)`` (field `regie`) when the régie is not the agent's.
    public func importInvoices(csv bytes: [UInt8], regieId: String, actor: Account?, now: Date) throws -> ImportReport {
        guard let actor = actor?.acting(as: .agent) else { throw InvoiceError.notFound }
        guard try billingRegies(of: actor).contains(where: { $0.id == regieId }) else {
            var errors = ValidationErrors()
            errors.add("Choisissez la régie qui émet les factures.", for: "regie")
            throw InvoiceError.invalid(errors)
        }
        let table: CSVTable
        do {
            table = try CSVTable(bytes)
        } catch {
            return .unreadable([error.message])
        }
        var columns: [ImportColumn: Int] = [:]
        var problems: [String] = []
        for column in ImportColumn.allCases {
            let positions = table.header.indices.filter { table.header[$0].lowercased() == column.rawValue }
            if positions.count > 1 { problems.append("La colonne « \(column.rawValue) » apparaît deux fois.") }
            if let position = positions.first {
                columns[column] = position
            } else if column.isRequired {
                problems.append("Il manque la colonne « \(column.rawValue) » dans la ligne d'en-tête.")
            }
        }
        let rows = table.rows.filter { !$0.isBlank }
        if problems.isEmpty, rows.isEmpty { problems.append("Le fichier ne contient aucune facture : seulement sa ligne d'en-tête.") }
        guard problems.isEmpty else { return .unreadable(problems) }

        var rejected = Rejections()
        let groups = Self.invoiceGroups(rows, columns: columns, width: table.header.count, rejected: &rejected)
        let today = CalendarDay(now)
        return try database.pool.write { db in
            var checked: [CheckedInvoice] = []
            for group in groups {
                if let number = try String.fetchOne(
                    db, sql: "SELECT number FROM invoice WHERE regieId = ? AND externalReference = ?", arguments: [regieId, group.reference]) {
                    for line in group.lines {
                        rejected.add("La facture de référence « \(group.reference) » a déjà été importée : facture \(number).", line: line, group.reference)
                    }
                }
                do {
                    var invoice = try Self.check(group.form(regieId: regieId), by: actor, today: today,
                                                 lineNumbers: group.lines, db)
                    invoice.externalReference = group.reference
                    checked.append(invoice)
                } catch InvoiceError.invalid(let errors) {
                    for error in errors.errors {
                        // A line's field names its place in the invoice (`ligne-2-prix`); other fields are the whole invoice's.
                        let parts = error.field.split(separator: "-")
                        let lines = parts.count == 3 && parts[0] == "ligne" ? Int(parts[1]).map { [group.lines[$0 - 1]] } ?? group.lines : group.lines
                        for line in lines { rejected.add(error.message, line: line, group.reference) }
                    }
                }
            }
            guard rejected.isEmpty else { return ImportReport(created: [], rejectedLines: rejected.lines, fileProblems: []) }
            let created = try checked.map { try Self.insert($0, createdBy: actor.id, now: now, notifications: notifications, db) }
            return ImportReport(created: created, rejectedLines: [], fileProblems: [])
        }
    }

    /// The lines of one invoice of a file, as read.
    struct ImportedInvoice {
        var reference: String
        var payerEmail: String
        var object: String
        var dueOn: String
        /// The row numbers of its lines.
        var lines: [Int]
        var invoiceLines: [InvoiceForm.Line]

        func form(regieId: String) -> InvoiceForm {
            InvoiceForm(regieId: regieId, payerEmail: payerEmail, object: object, dueOn: dueOn, lines: invoiceLines)
        }
    }

    /// The file's rows gathered into invoices by reference, in order of first appearance; rows
    /// that cannot belong to one (wrong width, no reference, an invoice's details differing
    /// from its first line, nothing billed) are rejected.
    static func invoiceGroups(_ rows: [CSVTable.Row], columns: [ImportColumn: Int], width: Int,
                              rejected: inout Rejections) -> [ImportedInvoice] {
        var groups: [ImportedInvoice] = []
        var positions: [String: Int] = [:]
        for row in rows {
            func value(_ column: ImportColumn) -> String {
                columns[column].map { row.fields[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            }
            guard row.fields.count == width else {
                rejected.add("La ligne a \(row.fields.count) colonnes au lieu de \(width), comme la ligne d'en-tête.", line: row.number, "")
                continue
            }
            let reference: String
            do {
                reference = try TypedText.singleLine(value(.reference), subject: "La référence de la facture")
            } catch {
                rejected.add(error.message, line: row.number, "")
                continue
            }
            guard !reference.isEmpty else {
                rejected.add("Indiquez la référence de la facture (colonne « reference »).", line: row.number, "")
                continue
            }
            if reference.count > maximumReferenceLength {
                rejected.add("La référence doit faire \(maximumReferenceLength) caractères au plus.", line: row.number, reference)
            }
            let line = InvoiceForm.Line(label: value(.label), period: value(.period), quantity: value(.quantity), unitPrice: value(.unitPrice))
            if line.isBlank {
                rejected.add("Saisissez le libellé, la quantité et le prix unitaire de la ligne \(row.number).", line: row.number, reference)
            }
            guard let position = positions[reference] else {
                positions[reference] = groups.count
                groups.append(ImportedInvoice(reference: reference, payerEmail: value(.payerEmail), object: value(.object),
                                              dueOn: value(.dueOn), lines: [row.number], invoiceLines: [line]))
                continue
            }
            let first = groups[position]
            for (column, name, expected) in [(ImportColumn.payerEmail, "un autre payeur", first.payerEmail),
                                             (.object, "un autre objet", first.object), (.dueOn, "une autre échéance", first.dueOn)] where value(column) != expected {
                rejected.add("""
                    Même référence « \(reference) » que la ligne \(first.lines[0]), mais \(name) : \
                    les lignes d'une facture ont le même payeur, le même objet et la même échéance.
                    """, line: row.number, reference)
            }
            groups[position].lines.append(row.number)
            groups[position].invoiceLines.append(line)
        }
        return groups
    }

    /// Rejected lines with their reasons, each reason once.
    struct Rejections {
        private var byLine: [Int: ImportReport.RejectedLine] = [:]

        var isEmpty: Bool { byLine.isEmpty }

        /// In the file's order.
        var lines: [ImportReport.RejectedLine] { byLine.values.sorted { $0.line < $1.line } }

        mutating func add(_ reason: String, line: Int, _ reference: String) {
            var entry = byLine[line] ?? ImportReport.RejectedLine(line: line, reference: reference, reasons: [])
            if !entry.reasons.contains(reason) { entry.reasons.append(reason) }
            byLine[line] = entry
        }
    }
}
