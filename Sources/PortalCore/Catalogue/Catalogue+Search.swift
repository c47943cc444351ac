import GRDB

extension Catalogue {
    /// Column weights of the full-text ranking: title, then synonyms, then
    /// summary and description (the first, unindexed column is the slug).
    static let searchRanking = "bm25(procedure_search, 0.0, 10.0, 5.0, 1.0)"

    /// The procedures matching `text`, best first.
    ///
    /// Case and accents do not matter ("creche" finds "crèche"), synonyms are
    /// searched, and the last word matches as a prefix. All words must match;
    /// when nothing does, procedures matching any word are returned. Any input
    /// is accepted: one with no word to search for gives no result.
    /// For a commune, procedures not offered there are flagged (`isOffered == false`).
    public func search(_ text: String, commune: String?, limit: Int = 50) throws -> [ProcedureSummary] {
        guard let query = SearchQuery(text), limit > 0 else { return [] }
        let slugs = try database.pool.read { db in
            let all = try matchingSlugs(query.pattern(matchingAll: true), limit: limit, db)
            if !all.isEmpty || query.words.count == 1 { return all }
            return try matchingSlugs(query.pattern(matchingAll: false), limit: limit, db)
        }
        return slugs.compactMap { publishedProcedure(slug: $0).map { ProcedureSummary($0, commune: commune) } }
    }

    /// `pattern` comes from ``SearchQuery``, which only emits quoted words, so FTS5 always
    /// accepts it; any database error is a real failure and is thrown.
    private func matchingSlugs(_ pattern: String, limit: Int, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: "SELECT slug FROM procedure_search WHERE procedure_search MATCH ? ORDER BY \(Self.searchRanking) LIMIT ?",
            arguments: [pattern, limit])
    }
}
