import Foundation

extension ReferenceDataParser {
    /// Parses `organisations.json` and checks ids, kinds, communes, parents
    /// and that every commune has exactly one mairie `mairie-<INSEE>`.
    mutating func parseOrganisations(_ data: Data?, communes: [Commune]) -> [Organisation] {
        let file = ReferenceData.FileName.organisations
        guard let decoded = decode(SeedFiles.Organisations.self, from: data, file: file) else { return [] }
        let communeCodes = Set(communes.map(\.insee))
        let ids = Set(decoded.organisations.map(\.id))
        var seen: Set<String> = []
        var organisations: [Organisation] = []
        for entry in decoded.organisations {
            let label = "organisation \"\(entry.id)\""
            guard seen.insert(entry.id).inserted else {
                report(file, label, "duplicate id")
                continue
            }
            guard let kind = Organisation.Kind(rawValue: entry.kind) else {
                let kinds = Organisation.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                report(file, label, "unknown kind \"\(entry.kind)\" (expected one of \(kinds))")
                continue
            }
            if entry.id.isEmpty || entry.name.trimmingCharacters(in: .whitespaces).isEmpty {
                report(file, label, "id and name are required")
            }
            if let commune = entry.commune, !communeCodes.contains(commune) {
                report(file, label, "unknown commune INSEE code \"\(commune)\"")
            }
            if let parent = entry.parent, !ids.contains(parent) {
                report(file, label, "unknown parent organisation \"\(parent)\"")
            }
            if kind == .intercommunalService, entry.parent == nil {
                report(file, label, "an intercommunal_service needs a parent (\"cctoval\")")
            }
            if kind == .mairie, entry.commune.map(Organisation.mairieId(forCommune:)) != entry.id {
                report(file, label, "a mairie must have the id \"mairie-<INSEE>\" of its commune")
            }
            let hours = entry.openingHours ?? .none
            checkPublic([entry.name, entry.description] + hours.notes + hours.exceptions.map(\.note), file: file, entry: label)
            organisations.append(Organisation(
                id: entry.id, kind: kind, name: entry.name, shortName: entry.shortName, parentId: entry.parent,
                communeInsee: entry.commune, address: entry.address, postalCode: entry.postalCode,
                city: entry.city, phone: entry.phone, email: entry.email, website: entry.website,
                openingHours: hours, description: entry.description,
                demoContact: entry.demoContact ?? false, staffNote: entry.staffNote))
        }
        let mairies = Set(organisations.filter { $0.kind == .mairie }.map(\.id))
        for commune in communes where !mairies.contains(commune.mairieId) {
            report(file, "commune \(commune.insee) (\(commune.name))", "no mairie \"\(commune.mairieId)\"")
        }
        return organisations
    }
}
