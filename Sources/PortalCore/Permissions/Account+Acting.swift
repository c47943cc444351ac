extension Account {
    /// This account, when it may act in `role`: its role is that one and, for an agent or an adviser, it
    /// belongs to an organisation (a service, a France Services site). Every use case checks its actor with
    /// it, then refuses with its own "not found", so that who may not act learns nothing:
    ///
    /// ```swift
    /// guard let actor = actor?.acting(as: .agent), let organisation = actor.organisationId else { throw DossierError.notFound }
    /// ```
    public func acting(as role: Role) -> Account? {
        guard self.role == role else { return nil }
        switch role {
        case .resident, .admin: return self
        case .agent, .franceServices: return organisationId == nil ? nil : self
        }
    }
}
