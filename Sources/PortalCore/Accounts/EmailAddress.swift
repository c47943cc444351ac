import Foundation

/// E-mail address rules: normalisation and a plain validity check.
enum EmailAddress {
    /// Trimmed and lowercased.
    static func normalise(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// True for `local@domain.tld` without spaces or control characters, at most 254 characters.
    static func isValid(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty,
              !email.contains(where: { $0.isWhitespace || $0.isNewline }),
              !email.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
