/// The JSON formats of the seed files, decoded as written and validated afterwards.
enum SeedFiles {
    /// `organisations.json`.
    struct Organisations: Decodable {
        var note: String?
        var organisations: [Organisation]

        struct Organisation: Decodable {
            var id: String
            var kind: String
            var name: String
            var shortName: String?
            var parent: String?
            var commune: String?
            var address: String?
            var postalCode: String?
            var city: String?
            var phone: String?
            var email: String?
            var website: String?
            var openingHours: OpeningHours?
            var description: String?
            var demoContact: Bool?
            var staffNote: String?
        }
    }

    /// `procedures.json`.
    struct Procedures: Decodable {
        var categories: [Category]
        var procedures: [Procedure]

        struct Category: Decodable {
            var id: String
            var title: String
            var description: String?
            var icon: String?
        }

        struct Procedure: Decodable {
            var slug: String
            var title: String
            var category: String
            var summary: String
            var description: String?
            var synonyms: [String]?
            var documents: [String]?
            var cost: String?
            var delay: String?
            var channels: [String]?
            var onlineUrl: String?
            var howTo: String?
            var popular: Bool?
            var handler: Handler
            var exceptions: [Exception]?
            var silence: Silence?
            var staffNote: String?
        }

        struct Silence: Decodable {
            var outcome: String
            var months: Int
        }

        struct Handler: Decodable {
            var type: String
            var organisation: String?
            var counters: [String]?
        }

        struct Exception: Decodable {
            var commune: String
            var type: String
            var organisation: String?
            var note: String?
        }
    }
}
