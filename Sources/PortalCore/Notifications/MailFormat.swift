import Foundation

/// Writes a ``MailMessage`` as an Internet message (RFC 5322, MIME): UTF-8 headers encoded
/// per RFC 2047, a multipart/alternative body with the plain text first and the HTML second,
/// both in base64 with lines of 76 characters. The same text goes to an `.eml` file or to SMTP.
///
/// Whatever a ``MailMessage`` holds, every header is one line: line breaks and other control
/// characters are taken out of each header value written (the use cases already refuse them in
/// what people type, see ``TypedText``; this is the second line of defence).
public enum MailFormat {
    /// The whole message, lines ending in CRLF.
    public static func render(_ message: MailMessage, from sender: String, date: Date, messageID: String) -> String {
        let boundary = "=_portail_" + messageID.filter { $0.isLetter || $0.isNumber }
        let lines = [
            "From: \(header(sender))",
            "To: \(header(message.recipient))",
            "Subject: \(encodedWord(message.subject))",
            "Date: \(rfc5322Date(date))",
            "Message-ID: <\(header(messageID))>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            base64Lines(message.textBody),
            "--\(boundary)",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            base64Lines(message.htmlBody),
            "--\(boundary)--",
            "",
        ]
        return lines.joined(separator: "\r\n")
    }

    /// A header value on one line: without line breaks (CR, LF, U+2028…) or any other control
    /// character, so that no value can end its header and start another.
    static func header(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter {
            $0.properties.generalCategory != .control && !TypedText.lineBreaks.contains($0)
        }))
    }

    /// `=?utf-8?B?…?=` when the text is not plain ASCII.
    static func encodedWord(_ text: String) -> String {
        let clean = header(text)
        if clean.allSatisfy({ $0.isASCII }) { return clean }
        return "=?utf-8?B?\(Data(clean.utf8).base64EncodedString())?="
    }

    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<encoded.index(from, offsetBy: min(76, encoded.count - start))])
        }.joined(separator: "\r\n")
    }

    /// "Sun, 29 Nov 2026 07:12:00 +0000".
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(format: "%@, %02d %@ %04d %02d:%02d:%02d +0000",
                      days[(c.weekday ?? 1) - 1], c.day ?? 1, months[(c.month ?? 1) - 1], c.year ?? 1970,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
