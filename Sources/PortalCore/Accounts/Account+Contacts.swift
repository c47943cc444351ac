import GRDB

extension Account {
    /// The names and e-mail addresses of the accounts `ids`, read 500 at a time; unknown ids are left out.
    static func contacts(_ ids: Set<Int64>, _ db: Database) throws -> [Int64: (name: String, email: String)] {
        var found: [Int64: (name: String, email: String)] = [:]
        let all = Array(ids)
        for start in stride(from: 0, to: all.count, by: 500) {
            let chunk = Array(all[start..<min(start + 500, all.count)])
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: "SELECT id, displayName, email FROM account WHERE id IN (\(placeholders))",
                                        arguments: StatementArguments(chunk)) {
                found[row["id"]] = (row["displayName"], row["email"])
            }
        }
        return found
    }
}
