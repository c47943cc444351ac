import Foundation

/// Keeps `retour=`-style redirect targets on this site.
///
/// Only an absolute local path (with its query, if any) is accepted: it starts with a single "/", is not a
/// protocol-relative or backslash trick (`//evil`, `/\evil`), and holds no control
/// characters or spaces. Anything else falls back to the given default.
enum LocalRedirect {
    static func target(_ candidate: String?, default fallback: String) -> String {
        guard let candidate, isLocalPath(candidate) else { return fallback }
        return candidate
    }

    /// The log-in page, coming back to `target` (a local path and query) once logged in.
    static func logIn(returningTo target: String) -> String {
        AccountPaths.logIn + "?retour=" + (target.addingPercentEncoding(withAllowedCharacters: queryValueCharacters) ?? "/")
    }

    /// What a query value may hold unencoded: unreserved characters and `/`, `:`, `@`.
    private static let queryValueCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/:@"))

    static func isLocalPath(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars)
        guard scalars.count <= 2048, scalars.first == "/" else { return false }
        if scalars.count > 1, scalars[1] == "/" || scalars[1] == "\\" { return false }
        return !scalars.contains { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" }
    }
}
