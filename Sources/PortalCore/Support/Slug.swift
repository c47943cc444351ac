import Foundation

/// URL-safe identifiers made from French names.
enum Slug {
    /// The last segment of the administration's creation pages (`/admin/activites/nouvelle`), never an id.
    static let reserved = "nouvelle"

    /// "Accueil de loisirs – été 2027" → "accueil-de-loisirs-ete-2027": lower case without accents,
    /// words joined by dashes, at most 60 characters; `fallback` when nothing is left.
    static func make(_ text: String, fallback: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
        let words = folded.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        var slug = ""
        for word in words where slug.count + word.count + 1 <= 60 {
            slug += (slug.isEmpty ? "" : "-") + word
        }
        return slug.isEmpty ? fallback : slug
    }

    /// `stem`, or `stem-2`, `stem-3`… the first that `isTaken` says is free and is not ``reserved``.
    static func unique(_ stem: String, isTaken: (String) throws -> Bool) rethrows -> String {
        var slug = stem
        var suffix = 1
        while try slug == reserved || isTaken(slug) {
            suffix += 1
            slug = "\(stem)-\(suffix)"
        }
        return slug
    }
}
