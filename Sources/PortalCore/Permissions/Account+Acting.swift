extension Account {
    /// This account, when it may act in `role`: its role is that one and, for an agent or an adviser, it
    /// belongs to an organisation (a service, a France Services site). Every use case checks its actor with
    /// it, then refuses with its own "not found", so that who may not act learns nothing:
    ///
    /// ```swift
    /// guard let actor = actor?.acting(as: .agent), let organisation = actor.organisationId else { throw DossierError.notFound }
    /// ```
    ///
    /// A manager acts as an agent too: they process their organisations' dossiers.
    public func acting(as role: Role) -> Account? {
        guard self.role == role || (role == .agent && self.role == .manager) else { return nil }
        switch role {
        case .resident, .admin: return self
        case .agent, .manager, .franceServices: return organisationIds.isEmpty ? nil : self
        }
    }

    /// Whether this account administers organisation `id`: an administrator any, a manager their own.
    public func administers(_ id: String) -> Bool {
        role == .admin || (role == .manager && organisationIds.contains(id))
    }
}
