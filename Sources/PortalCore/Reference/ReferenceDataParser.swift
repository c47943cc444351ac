import Foundation

/// Reads the seed files and turns them into validated values, collecting
/// every problem found instead of stopping at the first.
struct ReferenceDataParser {
    private(set) var issues: [ReferenceDataError.Issue] = []

    mutating func report(_ file: String, _ entry: String? = nil, _ message: String) {
        issues.append(ReferenceDataError.Issue(file: file, entry: entry, message: message))
    }

    /// Reports public text that carries a note meant for the team ("à vérifier"): such notes belong in
    /// `staffNote`, which public pages never show.
    mutating func checkPublic(_ texts: [String?], file: String, entry: String) {
        guard texts.contains(where: { $0?.range(of: "à vérifier", options: [.caseInsensitive]) != nil }) else { return }
        report(file, entry, "public text holds a note for the team (\"à vérifier\"): move it to \"staffNote\"")
    }

    /// The contents of `name` in `directory`, or nil (with an issue) when unreadable.
    mutating func read(_ name: String, in directory: URL) -> Data? {
        let url = directory.appendingPathComponent(name)
        do {
            return try Data(contentsOf: url)
        } catch {
            report(name, nil, "cannot read \(url.path): \(error.localizedDescription)")
            return nil
        }
    }

    /// Decodes JSON, reporting a decoding failure with its location in the file.
    mutating func decode<T: Decodable>(_ type: T.Type, from data: Data?, file: String) -> T? {
        guard let data else { return nil }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            report(file, nil, Self.describe(error))
        } catch {
            report(file, nil, "invalid JSON: \(error)")
        }
        return nil
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in
                key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
            }.joined()
            return text.isEmpty ? "top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "at \(path(context.codingPath)): missing field \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "invalid JSON: \(error)"
        }
    }
}
