import Foundation

/// The one rule for text a person types in a form field, applied by every use case that takes
/// such text before it stores it or shows it to anyone: Unicode normalised (NFC), spaces trimmed
/// at both ends, a tab made a space, and no other control character.
///
/// A single-line field (a name, a label, an invoice's object, a phone number, an address line…)
/// also refuses line breaks, so that what one person types can never break a line of an e-mail's
/// header, a CSV export or a journal. A multi-line field (a message, an explanation, a reason)
/// keeps them, each written `\n` whatever was sent (`\r\n`, `\r`, a vertical tab, U+2028…).
public enum TypedText {
    /// `typed` as a single-line field holds it.
    ///
    /// - parameter subject: what the field holds, in French, as the message begins: "Votre nom",
    ///   "L'objet de la facture".
    /// - throws: a ``Problem`` for a line break or another control character.
    public static func singleLine(_ typed: String, subject: String) throws(Problem) -> String {
        try normalised(typed, subject: subject, keepingLineBreaks: false)
    }

    /// `typed` as a multi-line field holds it, its line breaks written `\n`.
    ///
    /// - parameter subject: what the field holds, in French, as the message begins: "Votre message".
    /// - throws: a ``Problem`` for a control character other than a line break or a tab.
    public static func multiLine(_ typed: String, subject: String) throws(Problem) -> String {
        try normalised(typed, subject: subject, keepingLineBreaks: true)
    }

    /// Why typed text was refused, with what to tell the person.
    public struct Problem: Error, Sendable, Hashable {
        /// What was wrong.
        public enum Kind: Sendable, Hashable {
            /// A line break in a single-line field.
            case lineBreak
            /// A control character (other than a line break or a tab).
            case controlCharacter
        }

        /// What was wrong.
        public let kind: Kind
        /// What the field holds, in French, as the message begins: "Votre nom".
        public let subject: String

        /// What to do, in French.
        public var message: String {
            switch kind {
            case .lineBreak:
                "\(subject) doit tenir sur une seule ligne : retirez les retours à la ligne."
            case .controlCharacter:
                "\(subject) contient un caractère invisible qui n'est pas accepté : retapez le texte au clavier plutôt que de le coller."
            }
        }
    }

    /// Line breaks as Unicode has them (those `Character.isNewline` knows); CR then LF is one.
    static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\u{B}", "\u{C}", "\r", "\u{85}", "\u{2028}", "\u{2029}"]

    private static func normalised(_ typed: String, subject: String, keepingLineBreaks: Bool) throws(Problem) -> String {
        var kept = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in typed.precomposedStringWithCanonicalMapping.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            if lineBreaks.contains(scalar) {
                guard keepingLineBreaks else { throw Problem(kind: .lineBreak, subject: subject) }
                if !(scalar == "\n" && afterCarriageReturn) { kept.append("\n") }
            } else if scalar == "\t" {
                kept.append(" ")
            } else if scalar.properties.generalCategory == .control {
                throw Problem(kind: .controlCharacter, subject: subject)
            } else {
                kept.append(scalar)
            }
        }
        return String(kept).trimmingCharacters(in: keepingLineBreaks ? .whitespacesAndNewlines : .whitespaces)
    }
}
