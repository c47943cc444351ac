/// An invitation to join the portal's staff, as an administrator fills it in.
public struct StaffInvitation: Sendable, Hashable {
    /// The person's e-mail address: the invitation is sent there and becomes their login.
    public var email: String
    /// Their first name and name, as colleagues and residents will see them.
    public var name: String
    /// Their role: agent, France Services adviser or administrator (never resident).
    public var role: Role
    /// The mairies or services of an agent (one or more), the France Services site of an adviser;
    /// none for an administrator.
    public var organisationIds: [String]

    /// Creates an invitation.
    public init(email: String, name: String, role: Role, organisationIds: [String]) {
        self.email = email
        self.name = name
        self.role = role
        self.organisationIds = organisationIds
    }
}
