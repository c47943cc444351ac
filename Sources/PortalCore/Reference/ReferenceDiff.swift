import Foundation

/// What differs between two states of the reference data, entry by entry: what `import-reference`
/// shows before it changes anything.
public struct ReferenceDiff: Sendable, Hashable {
    /// The kinds of entries compared.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case commune, organisation, category, procedure

        /// The kind in French: "commune", "organisation", "thème", "démarche".
        public var label: String {
            switch self {
            case .commune: "commune"
            case .organisation: "organisation"
            case .category: "thème"
            case .procedure: "démarche"
            }
        }
    }

    /// What happens to one entry.
    public enum Change: Sendable, Hashable {
        case added
        /// Changed, with the names of the fields that differ (as the seed files name them).
        case changed(fields: [String])
        case removed
    }

    /// One entry that differs.
    public struct Entry: Sendable, Hashable {
        public var kind: Kind
        public var id: String
        /// Its name or title, for people.
        public var name: String
        public var change: Change
    }

    /// The entries that differ, communes first, then organisations, themes and procedures, each in file order.
    public var entries: [Entry]

    /// True when both states hold the same reference data.
    public var isEmpty: Bool { entries.isEmpty }

    /// The differences that turn `current` into `incoming`.
    public init(from current: ReferenceData, to incoming: ReferenceData) throws {
        entries = try Self.compare(.commune, current.communes, incoming.communes, id: \.insee, name: \.name) { commune in
            ["name": commune.name, "postal_codes": commune.postalCodes.joined(separator: ";"), "siren": commune.siren,
             "population_municipale_2017": String(commune.population)]
        }
        entries += try Self.compare(.organisation, current.organisations, incoming.organisations, id: \.id, name: \.name) {
            try Self.fields(SeedFiles.Organisations.Organisation($0))
        }
        entries += try Self.compare(.category, current.categories, incoming.categories, id: \.id, name: \.title) {
            try Self.fields(SeedFiles.Procedures.Category(id: $0.id, title: $0.title, description: $0.description, icon: $0.icon))
        }
        entries += try Self.compare(.procedure, current.procedures, incoming.procedures, id: \.slug, name: \.title) {
            try Self.fields(SeedFiles.Procedures.Procedure($0))
        }
    }

    private static func compare<Value>(
        _ kind: Kind, _ current: [Value], _ incoming: [Value], id: (Value) -> String, name: (Value) -> String,
        fields: (Value) throws -> [String: String]
    ) throws -> [Entry] {
        let old = Dictionary(current.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        let new = Set(incoming.map(id))
        var entries: [Entry] = []
        for value in incoming {
            guard let before = old[id(value)] else {
                entries.append(Entry(kind: kind, id: id(value), name: name(value), change: .added))
                continue
            }
            let (was, now) = (try fields(before), try fields(value))
            let changed = Set(was.keys).union(now.keys).filter { was[$0] != now[$0] }.sorted()
            if !changed.isEmpty { entries.append(Entry(kind: kind, id: id(value), name: name(value), change: .changed(fields: changed))) }
        }
        for value in current where !new.contains(id(value)) {
            entries.append(Entry(kind: kind, id: id(value), name: name(value), change: .removed))
        }
        return entries
    }

    /// Each top-level field of `value`'s JSON, as canonical JSON text.
    private static func fields(_ value: some Encodable) throws -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(value)) as? [String: Any] ?? [:]
        return try object.mapValues { field in
            String(decoding: try JSONSerialization.data(withJSONObject: field, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
        }
    }
}
