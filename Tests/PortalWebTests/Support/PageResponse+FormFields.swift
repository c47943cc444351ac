import Foundation

extension PageResponse {
    /// What a browser would post from the page's form as it stands, in page order: text inputs
    /// and hidden fields with their values, ticked checkboxes and radios, textareas' text, and each
    /// select's chosen option (else its first).
    var formFields: [(String, String)] {
        var fields: [(String, String)] = []
        var rest = Substring(body)
        while let open = rest.range(of: #"<(input|textarea|select)\b[^>]*>"#, options: .regularExpression) {
            let tag = String(rest[open])
            rest = rest[open.upperBound...]
            guard let name = Self.attribute("name", in: tag) else { continue }
            if tag.hasPrefix("<select") {
                let end = rest.range(of: "</select>")?.lowerBound ?? rest.endIndex
                let options = rest[..<end].components(separatedBy: "<option").dropFirst()
                let chosen = options.first { $0.contains(" selected") } ?? options.first
                fields.append((name, Self.unescaped(chosen.flatMap { Self.attribute("value", in: " " + $0) } ?? "")))
                continue
            }
            if tag.hasPrefix("<textarea") {
                let end = rest.range(of: "</textarea>")?.lowerBound ?? rest.endIndex
                fields.append((name, Self.unescaped(String(rest[..<end]))))
                continue
            }
            let type = Self.attribute("type", in: tag) ?? "text"
            if ["checkbox", "radio"].contains(type), !tag.contains(" checked") { continue }
            if type == "submit" { continue }
            fields.append((name, Self.unescaped(Self.attribute("value", in: tag) ?? "")))
        }
        return fields
    }

    /// `fields` with the values of `changes` put in (added when the page has no such field).
    static func changing(_ fields: [(String, String)], _ changes: [String: String]) -> [(String, String)] {
        var result = fields.map { name, value in (name, changes[name] ?? value) }
        for (name, value) in changes where !fields.contains(where: { $0.0 == name }) { result.append((name, value)) }
        return result
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
