/// Entering the reserved spaces of the portal.
public struct Spaces: Sendable {
    /// The catalogue naming organisations and communes.
    public let catalogue: Catalogue

    /// Creates the use case.
    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    /// What the landing page of `space` shows to `actor`.
    ///
    /// - throws: `.unauthenticated` without an actor; `.notFound` when the
    ///   actor's role may not enter the space (each role has one space, its ``Role/home``).
    public func overview(of space: Space, actor: Account?) throws(AccessError) -> SpaceOverview {
        guard let actor else { throw .unauthenticated }
        guard actor.role.mayEnter(space) else { throw .notFound }
        return SpaceOverview(
            space: space, actor: actor,
            organisations: actor.organisationIds.compactMap(catalogue.organisation(id:)),
            commune: actor.communeInsee.flatMap(catalogue.commune(insee:)))
    }
}
