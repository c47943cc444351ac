/// What an administrator changes about a staff account: the name colleagues and residents see,
/// the role, and the organisation of an agent or an adviser.
public struct StaffChange: Sendable, Hashable {
    public var name: String
    public var role: Role
    /// The mairie or service of an agent, the France Services site of an adviser; nil for an administrator.
    public var organisationId: String?

    /// Creates a change.
    public init(name: String, role: Role, organisationId: String?) {
        self.name = name
        self.role = role
        self.organisationId = organisationId
    }
}
