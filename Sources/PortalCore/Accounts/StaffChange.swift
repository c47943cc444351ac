/// What an administrator changes about a staff account: the name colleagues and residents see,
/// the role, and the organisations of an agent or the site of an adviser.
public struct StaffChange: Sendable, Hashable {
    public var name: String
    public var role: Role
    /// The mairies or services of an agent (one or more), the France Services site of an adviser;
    /// none for an administrator.
    public var organisationIds: [String]

    /// Creates a change.
    public init(name: String, role: Role, organisationIds: [String]) {
        self.name = name
        self.role = role
        self.organisationIds = organisationIds
    }
}
