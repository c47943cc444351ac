/// What the landing page of a space shows about the person using it.
public struct SpaceOverview: Sendable, Hashable {
    /// The space.
    public var space: Space
    /// The account using it.
    public var actor: Account
    /// The actor's organisations (an agent may serve several), none for a resident or an administrator.
    public var organisations: [Organisation]
    /// The actor's commune, if any.
    public var commune: Commune?

    /// The actor's organisations' names, "Mairie de Lublé et Mairie de Couesmes", if any.
    public var organisationName: String? { organisations.isEmpty ? nil : FrenchList.joined(organisations.map(\.name)) }
    /// The actor's commune name, if any.
    public var communeName: String? { commune?.name }
}
