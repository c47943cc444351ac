import Foundation
import PortalCore
import Testing

@Suite("Mail format: every header written is one line, whatever the message holds")
struct MailHeaderTests {
    /// Every way a value could try to end its header and start another.
    static let hostile = [
        "\r\nBcc: victime@example.fr", "\nBcc: victime@example.fr", "\rBcc: victime@example.fr", "\u{85}Bcc: x", "\u{2028}Bcc: x",
        "\u{2029}Bcc: x", "\u{B}Bcc: x", "\u{C}Bcc: x", "\u{0}Bcc: x", "\u{1B}Bcc: x",
    ]

    /// The header lines of a rendered message: everything before the first empty line.
    static func head(_ rendered: String) -> [String] {
        Array(rendered.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n"))
    }

    @Test("Line breaks and control characters are taken out of the recipient, subject, sender and message id", arguments: hostile)
    func headersStayOnOneLine(injected: String) {
        for subject in ["Votre demande\(injected)", "Réponse à votre demande\(injected)"] {
            let message = MailMessage(recipient: "habitant@example.fr\(injected)", subject: subject,
                                      textBody: "Bonjour,\r\nBcc: ceci reste dans le corps.", htmlBody: "<p>Bonjour</p>")
            let rendered = MailFormat.render(message, from: "Portail <p@example.fr>\(injected)", date: TestSupport.now,
                                             messageID: "1.2@example.fr\(injected)")
            let lines = Self.head(rendered)
            #expect(lines.map { $0.prefix { $0 != ":" } } == ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"])
            for line in lines {
                #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" },
                        "\(line.debugDescription)")
            }
            #expect(lines[1] == "To: habitant@example.frBcc: victime@example.fr" || lines[1] == "To: habitant@example.frBcc: x")
            #expect(!rendered.contains("\nBcc:"), "not even in the body, which is base64")
        }
    }
}
