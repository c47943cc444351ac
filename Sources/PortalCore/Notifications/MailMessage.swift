/// An e-mail to one person: French, plain text and HTML. It links to the portal and never
/// carries the content of a dossier.
public struct MailMessage: Sendable, Hashable {
    public var recipient: String
    public var subject: String
    public var textBody: String
    public var htmlBody: String

    public init(recipient: String, subject: String, textBody: String, htmlBody: String) {
        self.recipient = recipient
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
    }
}

/// A message in the outbox, with its delivery state.
public struct OutboxEntry: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var message: MailMessage
    public var attempts: Int
}
