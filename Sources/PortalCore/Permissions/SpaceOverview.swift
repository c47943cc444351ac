/// What the landing page of a space shows about the person using it.
public struct SpaceOverview: Sendable, Hashable {
    /// The space.
    public var space: Space
    /// The account using it.
    public var actor: Account
    /// The actor's organisation, if any.
    public var organisation: Organisation?
    /// The actor's commune, if any.
    public var commune: Commune?

    /// The actor's organisation name, if any.
    public var organisationName: String? { organisation?.name }
    /// The actor's commune name, if any.
    public var communeName: String? { commune?.name }
}
