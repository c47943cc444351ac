extension Catalogue {
    /// What public pages say of demo contact details, repeated for the team.
    static let demoContactNote = "Coordonnées de démonstration : adresse, téléphone, e-mail et horaires à vérifier."

    /// The reference entries still marked to verify, organisations first, each in display order.
    ///
    /// A manager sees their own organisations' entries only, and no procedure.
    ///
    /// - Throws: ``AccessError`` unless `actor` is an administrator or a manager (staff notes are for them only).
    public func entriesToVerify(actor: Account?) throws(AccessError) -> [ReviewItem] {
        let actor = try Self.administration(actor)
        let organisations = snapshot.data.organisations.filter { actor.administers($0.id) }.compactMap { organisation -> ReviewItem? in
            let notes = [organisation.staffNote, organisation.demoContact ? Self.demoContactNote : nil].compactMap { $0 }
            return notes.isEmpty ? nil : ReviewItem(subject: .organisation(organisation), notes: notes)
        }
        guard actor.role == .admin else { return organisations }
        let procedures = snapshot.data.procedures.compactMap { procedure in
            procedure.staffNote.map { ReviewItem(subject: .procedure(procedure), notes: [$0]) }
        }
        return organisations + procedures
    }
}
