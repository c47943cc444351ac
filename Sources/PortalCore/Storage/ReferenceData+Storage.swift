import Foundation
import GRDB

/// Reading and writing the reference tables. List columns hold JSON arrays;
/// `position` keeps the file order, which is the display order.
extension ReferenceData {
    /// Inserts every row, and the full-text index of the procedures.
    func insert(into db: Database) throws {
        for (position, commune) in communes.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO commune (insee, name, postalCodes, siren, population, mairieId, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [commune.insee, commune.name, try JSONList.encode(commune.postalCodes),
                            commune.siren, commune.population, commune.mairieId, position])
        }
        for (position, organisation) in organisations.enumerated() {
            try insert(organisation, position: position, into: db)
        }
        for (position, category) in categories.enumerated() {
            try db.execute(
                sql: "INSERT INTO category (id, title, description, icon, position) VALUES (?, ?, ?, ?, ?)",
                arguments: [category.id, category.title, category.description, category.icon, position])
        }
        for (position, procedure) in procedures.enumerated() {
            try Self.insert(procedure, position: position, into: db)
        }
    }

    private func insert(_ organisation: Organisation, position: Int, into db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO organisation (id, kind, name, shortName, parentId, communeInsee, address, postalCode,
                  city, phone, email, website, openingHours, description, demoContact, staffNote, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                organisation.id, organisation.kind.rawValue, organisation.name, organisation.shortName,
                organisation.parentId, organisation.communeInsee, organisation.address, organisation.postalCode,
                organisation.city, organisation.phone, organisation.email, organisation.website,
                try StoredJSON.encode(organisation.openingHours), organisation.description,
                organisation.demoContact, organisation.staffNote, position,
            ])
    }

    /// Inserts `procedure` at `position` with its exceptions and its full-text row.
    static func insert(_ procedure: Procedure, position: Int, into db: Database) throws {
        let (handlerType, handlerOrganisation, counters): (String, String?, [String]) = switch procedure.handler {
        case .communal: ("communal", nil, [])
        case .intercommunal(let id): ("intercommunal", id, [])
        case .external(let id, let counters): ("external", id, counters)
        }
        try db.execute(
            sql: """
                INSERT INTO procedure (slug, title, categoryId, summary, description, synonyms, documents, cost,
                  delay, channels, onlineURL, howTo, popular, handlerType, handlerOrganisationId, counters, position,
                  silenceOutcome, silenceMonths, staffNote, published, publishedFrom, publishedUntil, formerSlugs)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                procedure.slug, procedure.title, procedure.categoryId, procedure.summary, procedure.description,
                try JSONList.encode(procedure.synonyms), try JSONList.encode(procedure.documents),
                procedure.cost, procedure.delay, try JSONList.encode(procedure.channels.map(\.rawValue)),
                procedure.onlineURL, procedure.howTo, procedure.popular, handlerType, handlerOrganisation,
                try JSONList.encode(counters), position, procedure.silence.outcome.rawValue, procedure.silence.months,
                procedure.staffNote, procedure.isPublished, procedure.publishedFrom?.iso, procedure.publishedUntil?.iso,
                try JSONList.encode(procedure.formerSlugs),
            ])
        for exception in procedure.exceptions {
            let (type, organisation): (String, String?) = switch exception.rule {
            case .notOffered: ("not_offered", nil)
            case .handledBy(let id): ("handled_by", id)
            }
            try db.execute(
                sql: """
                    INSERT INTO procedure_exception (procedureSlug, communeInsee, type, organisationId, note)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [procedure.slug, exception.communeInsee, type, organisation, exception.note])
        }
        try db.execute(
            sql: "INSERT INTO procedure_search (slug, title, synonyms, body) VALUES (?, ?, ?, ?)",
            arguments: [
                procedure.slug, procedure.title, procedure.synonyms.joined(separator: " ; "),
                [procedure.summary, procedure.description ?? ""].joined(separator: "\n"),
            ])
    }

    /// Deletes every reference row (accounts are left alone).
    static func deleteAll(from db: Database) throws {
        for table in ["procedure_search", "procedure_exception", "procedure", "category", "organisation", "commune"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
    }

    /// Reads all reference data, in display order.
    static func fetch(_ db: Database) throws -> ReferenceData {
        let communes = try Row.fetchAll(db, sql: "SELECT * FROM commune ORDER BY position").map { row in
            Commune(insee: row["insee"], name: row["name"], postalCodes: try JSONList.decode(row["postalCodes"]),
                    siren: row["siren"], population: row["population"], mairieId: row["mairieId"])
        }
        let organisations = try Row.fetchAll(db, sql: "SELECT * FROM organisation ORDER BY position").map { row in
            Organisation(
                id: row["id"], kind: Organisation.Kind(rawValue: row["kind"]) ?? .external, name: row["name"],
                shortName: row["shortName"], parentId: row["parentId"], communeInsee: row["communeInsee"],
                address: row["address"], postalCode: row["postalCode"], city: row["city"], phone: row["phone"],
                email: row["email"], website: row["website"], openingHours: try StoredJSON.decode(row["openingHours"]),
                description: row["description"], demoContact: row["demoContact"], staffNote: row["staffNote"])
        }
        let categories = try Row.fetchAll(db, sql: "SELECT * FROM category ORDER BY position").map { row in
            Category(id: row["id"], title: row["title"], description: row["description"], icon: row["icon"])
        }
        let exceptions = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM procedure_exception ORDER BY rowid")) {
            $0["procedureSlug"] as String
        }
        let procedures = try Row.fetchAll(db, sql: "SELECT * FROM procedure ORDER BY position").map { row in
            try procedure(from: row, exceptions: exceptions[row["slug"]] ?? [])
        }
        return ReferenceData(communes: communes, organisations: organisations, categories: categories, procedures: procedures)
    }

    private static func procedure(from row: Row, exceptions: [Row]) throws -> Procedure {
        let handlerOrganisation: String = row["handlerOrganisationId"] ?? ""
        let handler: HandlerRule = switch row["handlerType"] as String {
        case "intercommunal": .intercommunal(organisationId: handlerOrganisation)
        case "external": .external(organisationId: handlerOrganisation, counters: try JSONList.decode(row["counters"]))
        default: .communal
        }
        return Procedure(
            slug: row["slug"], title: row["title"], categoryId: row["categoryId"], summary: row["summary"],
            description: row["description"], synonyms: try JSONList.decode(row["synonyms"]),
            documents: try JSONList.decode(row["documents"]), cost: row["cost"], delay: row["delay"],
            channels: try JSONList.decode(row["channels"]).compactMap(Channel.init(rawValue:)),
            onlineURL: row["onlineURL"], howTo: row["howTo"], popular: row["popular"], handler: handler,
            exceptions: exceptions.map { row in
                let organisation: String? = row["organisationId"]
                return ProcedureException(
                    communeInsee: row["communeInsee"],
                    rule: organisation.map { .handledBy(organisationId: $0) } ?? .notOffered,
                    note: row["note"])
            },
            silence: SilenceRule(
                outcome: SilenceRule.Outcome(rawValue: row["silenceOutcome"]) ?? SilenceRule.default.outcome,
                months: row["silenceMonths"]),
            staffNote: row["staffNote"], isPublished: row["published"],
            publishedFrom: (row["publishedFrom"] as String?).flatMap(CalendarDay.init(iso:)),
            publishedUntil: (row["publishedUntil"] as String?).flatMap(CalendarDay.init(iso:)),
            formerSlugs: try JSONList.decode(row["formerSlugs"]))
    }
}

/// A value stored as JSON in a text column.
enum StoredJSON {
    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ text: String) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }
}

/// A list of strings stored as a JSON array in a text column.
enum JSONList {
    static func encode(_ list: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(list), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
