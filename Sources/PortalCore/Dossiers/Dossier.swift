import Foundation
import GRDB

/// One request filed (or being filled in) by a resident: its ``DossierSummary``, whose
/// properties it shows as its own (`dossier.reference`), and its answers.
@dynamicMemberLookup
public struct Dossier: Sendable, Hashable, Identifiable {
    public var summary: DossierSummary
    public var answers: FormAnswers

    public var id: Int64 { summary.id }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<DossierSummary, Value>) -> Value {
        get { summary[keyPath: keyPath] }
        set { summary[keyPath: keyPath] = newValue }
    }

    /// Reads a row of `SELECT \(DossierSummary.columns), answers`.
    private init(row: Row) throws {
        summary = try DossierSummary(row: row)
        answers = try JSONDecoder().decode(FormAnswers.self, from: Data((row[DossierSummary.columnCount] as String).utf8))
    }

    static func fetch(id: Int64, _ db: Database) throws -> Dossier? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(DossierSummary.columns), answers FROM dossier WHERE id = ?"), arguments: [id])
            .map(Dossier.init(row:))
    }

    static func encode(_ answers: FormAnswers) throws -> String {
        String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
    }
}
