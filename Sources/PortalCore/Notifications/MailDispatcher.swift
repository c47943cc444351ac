import Foundation

/// Delivers the outbox's due messages through a transport, recording each success or failure.
public struct MailDispatcher: Sendable {
    public let outbox: Outbox
    public let transport: any MailTransport
    /// The From address of the portal's messages.
    public let sender: String

    public init(outbox: Outbox, transport: any MailTransport, sender: String) {
        self.outbox = outbox
        self.transport = transport
        self.sender = sender
    }

    /// Delivers what is due now; returns how many messages went out.
    @discardableResult
    public func deliverDue(now: Date) throws -> Int {
        var delivered = 0
        for entry in try outbox.due(now: now) {
            let messageID = "\(entry.id).\(Int(now.timeIntervalSince1970))@portail.cctoval.fr"
            let rendered = MailFormat.render(entry.message, from: sender, date: now, messageID: messageID)
            do {
                try transport.deliver(rendered, from: sender, to: entry.message.recipient, messageID: messageID)
                try outbox.markSent(entry.id, now: now)
                delivered += 1
            } catch {
                try outbox.markFailed(entry.id, error: String(describing: error), now: now)
            }
        }
        return delivered
    }
}
