/// Keeps `next=`-style redirect targets on this site.
///
/// Only an absolute local path is accepted: it starts with a single "/", is not a
/// protocol-relative or backslash trick (`//evil`, `/\evil`), and holds no control
/// characters or spaces. Anything else falls back to the given default.
enum LocalRedirect {
    static func target(_ candidate: String?, default fallback: String) -> String {
        guard let candidate, isLocalPath(candidate) else { return fallback }
        return candidate
    }

    static func isLocalPath(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars)
        guard scalars.count <= 2048, scalars.first == "/" else { return false }
        if scalars.count > 1, scalars[1] == "/" || scalars[1] == "\\" { return false }
        return !scalars.contains { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" }
    }
}
