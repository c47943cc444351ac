import Foundation

/// A staff account as the administrators' list shows it.
public struct StaffMember: Sendable, Hashable {
    /// Where the account stands.
    public enum Status: Sendable, Hashable {
        /// Invited: no password chosen yet; the latest link, if still valid, expires then.
        case invited(linkExpiresAt: Date?)
        /// The person chose a password and may log in.
        case active
        /// An administrator deactivated the account then: it cannot log in; its history stays.
        case deactivated(since: Date)
        /// An administrator revoked the invitation then, before any password was chosen: the link is
        /// void; the invitation may be sent again.
        case revoked(since: Date)
    }

    public var account: Account
    public var status: Status
    /// When the person last logged in, if ever.
    public var lastLogInAt: Date?
}
