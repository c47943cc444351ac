extension MailMessage {
    /// A message of the portal: greeting and paragraphs as given, the portal's signature and a
    /// do-not-reply line, in plain text and in HTML with its links made clickable.
    static func portal(to recipient: String, subject: String, paragraphs: [String]) -> MailMessage {
        let signature = "Le portail citoyen de la Communauté de communes Touraine Ouest Val de Loire"
        let noReply = "Ce message est envoyé automatiquement : merci de ne pas y répondre."
        let text = (paragraphs + ["--", signature, noReply]).joined(separator: "\n\n")
        let html = """
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>\(HTMLText.escape(subject))</title></head><body>
            \((paragraphs.map { "<p>\(HTMLText.linkify(HTMLText.escape($0)))</p>" }
                + ["<p>\(HTMLText.escape(signature))<br>\(noReply)</p>"]).joined(separator: "\n"))
            </body></html>
            """
        return MailMessage(recipient: recipient, subject: subject, textBody: text, htmlBody: html)
    }
}
