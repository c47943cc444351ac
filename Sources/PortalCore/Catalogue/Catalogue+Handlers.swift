extension Catalogue {
    /// Who handles `procedure` for the commune with INSEE code `insee`:
    /// the commune's exception if any, else the default rule (the commune's
    /// mairie, a CCTOVAL service, or an outside body with its counters).
    ///
    /// An unknown commune or organisation resolves to `.notOffered(note: nil)`.
    public func handler(for procedure: Procedure, commune insee: String) -> HandlerResolution {
        if let exception = procedure.exception(forCommune: insee) {
            switch exception.rule {
            case .notOffered:
                return .notOffered(note: exception.note)
            case .handledBy(let id):
                guard let organisation = organisation(id: id) else { return .notOffered(note: exception.note) }
                return .organisation(organisation, counters: [], note: exception.note)
            }
        }
        let resolved: (String?, [String]) = switch procedure.handler {
        case .communal: (commune(insee: insee)?.mairieId, [])
        case .intercommunal(let id): (id, [])
        case .external(let id, let counters): (id, counters)
        }
        guard let id = resolved.0, let organisation = organisation(id: id) else { return .notOffered(note: nil) }
        return .organisation(organisation, counters: resolved.1.compactMap(organisation(id:)), note: nil)
    }

    /// Every procedure with who handles it in the commune, in display order,
    /// for the commune page.
    public func handlers(forCommune insee: String) -> [(ProcedureSummary, HandlerResolution)] {
        visibleProcedures().map { procedure in
            (ProcedureSummary(procedure, commune: insee), handler(for: procedure, commune: insee))
        }
    }

    /// The "qui fait quoi" table: each procedure, its default handler, and
    /// the communes where it differs.
    public func whoDoesWhat() -> [WhoDoesWhatRow] {
        let snapshot = snapshot
        return visibleProcedures().map { procedure in
            let exceptions = snapshot.communesByName.compactMap { commune -> WhoDoesWhatRow.CommuneException? in
                guard procedure.exception(forCommune: commune.insee) != nil else { return nil }
                return .init(commune: commune, resolution: handler(for: procedure, commune: commune.insee))
            }
            return WhoDoesWhatRow(
                procedure: ProcedureSummary(procedure), defaultHandler: defaultHandlerDescription(procedure.handler),
                defaultOrganisation: defaultOrganisation(procedure.handler), exceptions: exceptions)
        }
    }

    private func defaultOrganisation(_ rule: HandlerRule) -> Organisation? {
        switch rule {
        case .communal: nil
        case .intercommunal(let id), .external(let id, _): organisation(id: id)
        }
    }

    /// Who handles a procedure under `rule` before any commune is known, in French
    /// ("La mairie de votre commune", a service's name, an outside body with its counters).
    public func defaultHandlerDescription(_ rule: HandlerRule) -> String {
        switch rule {
        case .communal:
            return "La mairie de votre commune"
        case .intercommunal(let id):
            return organisation(id: id)?.name ?? id
        case .external(let id, let counters):
            let name = organisation(id: id)?.name ?? id
            let places = counters.compactMap { organisation(id: $0)?.name }
            return places.isEmpty ? name : "\(name) — accueil : \(places.joined(separator: ", "))"
        }
    }
}
