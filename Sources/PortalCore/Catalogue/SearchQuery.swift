/// Turns what a resident typed into a safe FTS5 query.
///
/// Only runs of letters and digits are kept, each quoted, so that quotes,
/// operators (`AND`, `NEAR`…), `*`, `-` and parentheses typed by the user are
/// never interpreted by SQLite. Very common French words are dropped, and the
/// last word matches as a prefix ("cant" finds "cantine").
struct SearchQuery {
    /// The words searched for, lowercased.
    let words: [String]

    static let stopWords: Set<String> = [
        "a", "à", "au", "aux", "c", "d", "de", "des", "du", "en", "et", "j", "l", "la", "le", "les",
        "ma", "mes", "mon", "n", "ou", "par", "pour", "qu", "s", "sa", "ses", "son", "sur", "un", "une",
    ]

    /// Nil when `text` holds no word to search for.
    init?(_ text: String) {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        let meaningful = words.filter { !Self.stopWords.contains($0) }
        self.words = Array((meaningful.isEmpty ? words : meaningful).prefix(12))
        if self.words.isEmpty { return nil }
    }

    /// The FTS5 query matching all words (`all`) or any of them.
    func pattern(matchingAll all: Bool) -> String {
        words.enumerated().map { index, word in
            "\"\(word)\"" + (index == words.count - 1 ? "*" : "")
        }.joined(separator: all ? " " : " OR ")
    }
}
