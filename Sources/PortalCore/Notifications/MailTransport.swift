import Foundation

/// Somewhere a message can be delivered: a folder of `.eml` files (the default) or an SMTP server.
public protocol MailTransport: Sendable {
    /// Delivers the rendered message; throws when it could not (the outbox tries again later).
    func deliver(_ rendered: String, from sender: String, to recipient: String, messageID: String) throws
}

/// Writes each message as an `.eml` file in a folder (`data/outbox/`): what a developer or an
/// operator without a mail server reads. The file appears whole or not at all.
public struct MailFolderTransport: MailTransport {
    public let directory: URL

    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    public func deliver(_ rendered: String, from sender: String, to recipient: String, messageID: String) throws {
        let name = messageID.prefix { $0 != "@" }.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
        try Data(rendered.utf8).write(to: directory.appendingPathComponent("\(name).eml"), options: .atomic)
    }
}
