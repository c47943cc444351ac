import Foundation

/// Reference data written back in the seed files' format, so that a territory keeps its
/// configuration under version control and moves it between instances.
extension ReferenceData {
    /// Writes `communes.csv`, `organisations.json` and `procedures.json` into `directory` (created
    /// if needed), in the format ``load(from:)`` reads: JSON with sorted keys, one field per line.
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try communesCSV().write(to: directory.appendingPathComponent(FileName.communes), atomically: true, encoding: .utf8)
        try Self.json(organisationsFile).write(to: directory.appendingPathComponent(FileName.organisations))
        try Self.json(proceduresFile).write(to: directory.appendingPathComponent(FileName.procedures))
    }

    /// The note written at the head of an exported `organisations.json`.
    static let exportNote = "Données de référence écrites par portal-server export-reference depuis la base du portail."

    func communesCSV() -> String {
        let rows = communes.map { commune in
            [commune.insee, commune.name, commune.postalCodes.joined(separator: ";"), commune.siren, String(commune.population)]
                .joined(separator: ",")
        }
        return ([ReferenceDataParser.communeHeader.joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
    }

    var organisationsFile: SeedFiles.Organisations {
        SeedFiles.Organisations(note: Self.exportNote, organisations: organisations.map(SeedFiles.Organisations.Organisation.init))
    }

    var proceduresFile: SeedFiles.Procedures {
        SeedFiles.Procedures(
            categories: categories.map { SeedFiles.Procedures.Category(id: $0.id, title: $0.title, description: $0.description, icon: $0.icon) },
            procedures: procedures.map(SeedFiles.Procedures.Procedure.init))
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }
}

extension SeedFiles.Organisations.Organisation {
    init(_ organisation: Organisation) {
        self.init(
            id: organisation.id, kind: organisation.kind.rawValue, name: organisation.name, shortName: organisation.shortName,
            parent: organisation.parentId, commune: organisation.communeInsee, address: organisation.address,
            postalCode: organisation.postalCode, city: organisation.city, phone: organisation.phone, email: organisation.email,
            website: organisation.website, openingHours: organisation.openingHours.isEmpty ? nil : organisation.openingHours,
            description: organisation.description, demoContact: organisation.demoContact ? true : nil, staffNote: organisation.staffNote)
    }
}

extension SeedFiles.Procedures.Procedure {
    init(_ procedure: Procedure) {
        let handler: SeedFiles.Procedures.Handler = switch procedure.handler {
        case .communal: .init(type: "communal")
        case .intercommunal(let id): .init(type: "intercommunal", organisation: id)
        case .external(let id, let counters): .init(type: "external", organisation: id, counters: counters.isEmpty ? nil : counters)
        }
        self.init(
            slug: procedure.slug, title: procedure.title, category: procedure.categoryId, summary: procedure.summary,
            description: procedure.description, synonyms: procedure.synonyms.isEmpty ? nil : procedure.synonyms,
            documents: procedure.documents.isEmpty ? nil : procedure.documents, cost: procedure.cost, delay: procedure.delay,
            channels: procedure.channels.isEmpty ? nil : procedure.channels.map(\.rawValue), onlineUrl: procedure.onlineURL,
            howTo: procedure.howTo, popular: procedure.popular ? true : nil, handler: handler,
            exceptions: procedure.exceptions.isEmpty ? nil : procedure.exceptions.map { exception in
                switch exception.rule {
                case .notOffered: .init(commune: exception.communeInsee, type: "not_offered", note: exception.note)
                case .handledBy(let id): .init(commune: exception.communeInsee, type: "handled_by", organisation: id, note: exception.note)
                }
            },
            silence: procedure.silence == .default ? nil : .init(outcome: procedure.silence.outcome.rawValue, months: procedure.silence.months),
            staffNote: procedure.staffNote, published: procedure.isPublished ? nil : false,
            publishedFrom: procedure.publishedFrom, publishedUntil: procedure.publishedUntil,
            formerSlugs: procedure.formerSlugs.isEmpty ? nil : procedure.formerSlugs)
    }
}
