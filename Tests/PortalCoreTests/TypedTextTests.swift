import PortalCore
import Testing

@Suite("Typed text: one rule for single-line and multi-line fields")
struct TypedTextTests {
    @Test("Single-line text is NFC-normalised and trimmed, a tab becoming a space")
    func singleLineNormalised() throws {
        // "Amélie" typed with a combining accent (as macOS keyboards send it) is stored precomposed.
        let decomposed = "  Ame\u{301}lie\u{A0}Durand\t "
        let normalised = try TypedText.singleLine(decomposed, subject: "Votre nom")
        #expect(normalised == "Am\u{E9}lie\u{A0}Durand")
        #expect(normalised.unicodeScalars.count == 13)
        #expect(try TypedText.singleLine("Jean\tDupont", subject: "Votre nom") == "Jean Dupont")
        #expect(try TypedText.singleLine("   ", subject: "Votre nom") == "")
        #expect(try TypedText.singleLine("<b>Dupont & fils</b>", subject: "Votre nom") == "<b>Dupont & fils</b>",
                "markup is text: every page and e-mail escapes it")
    }

    @Test("Single-line text refuses every line break, whatever its form", arguments: [
        "Camille\r\nBcc: victime@example.fr", "Camille\nBcc: x", "Camille\rBcc: x", "Camille\u{85}x", "Camille\u{2028}x",
        "Camille\u{2029}x", "Camille\u{B}x", "Camille\u{C}x", "Camille\n",
    ])
    func singleLineRefusesLineBreaks(typed: String) {
        #expect(Self.problem { try TypedText.singleLine(typed, subject: "Votre nom") }?.kind == .lineBreak)
    }

    @Test("Both kinds refuse other control characters", arguments: ["Cam\u{0}ille", "Cam\u{7}ille", "Cam\u{1B}[31mille", "Cam\u{7F}ille", "Cam\u{9B}ille"])
    func controlCharactersRefused(typed: String) {
        #expect(Self.problem { try TypedText.singleLine(typed, subject: "Votre nom") }?.kind == .controlCharacter)
        #expect(Self.problem { try TypedText.multiLine("Bonjour,\r\n\(typed)", subject: "Votre message") }?.kind == .controlCharacter)
    }

    @Test("Multi-line text keeps its line breaks, written \\n, a tab becoming a space")
    func multiLineKeepsLineBreaks() throws {
        let typed = "\r\n  Bonjour,\r\n\r\nLe justificatif\tjoint\rest illisible.\u{2028}Merci.\u{B}Cordialement \n"
        #expect(try TypedText.multiLine(typed, subject: "Votre message")
                == "Bonjour,\n\nLe justificatif joint\nest illisible.\nMerci.\nCordialement")
        #expect(try TypedText.multiLine("e\u{301}te\u{301}", subject: "Votre message") == "\u{E9}t\u{E9}")
    }

    @Test("The messages are French and name the field")
    func messages() {
        let lineBreak = Self.problem { try TypedText.singleLine("Camille\r\nBcc: x", subject: "Votre nom") }
        #expect(lineBreak?.subject == "Votre nom")
        #expect(lineBreak?.message == "Votre nom doit tenir sur une seule ligne : retirez les retours à la ligne.")
        #expect(Self.problem { try TypedText.singleLine("Salle\u{0}", subject: "L'objet de la facture") }?.message == """
            L'objet de la facture contient un caractère invisible qui n'est pas accepté : \
            retapez le texte au clavier plutôt que de le coller.
            """)
    }

    /// The problem `normalise` throws, nil when it accepts the text.
    static func problem(_ normalise: () throws -> String) -> TypedText.Problem? {
        do {
            _ = try normalise()
            return nil
        } catch {
            return error as? TypedText.Problem
        }
    }
}
