/// The JSON formats of the seed files, decoded as written and validated afterwards, and written by
/// `export-reference` (``ReferenceData/write(to:)``).
enum SeedFiles {
    /// `organisations.json`.
    struct Organisations: Codable {
        var note: String?
        var organisations: [Organisation]

        struct Organisation: Codable {
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
    struct Procedures: Codable {
        var categories: [Category]
        var procedures: [Procedure]

        struct Category: Codable {
            var id: String
            var title: String
            var description: String?
            var icon: String?
        }

        struct Procedure: Codable {
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
            /// `false` for a procedure taken off the public pages.
            var published: Bool?
            /// The first and last days residents see it (`AAAA-MM-JJ`), when it is seasonal.
            var publishedFrom: CalendarDay?
            var publishedUntil: CalendarDay?
            /// The addresses it had before, which redirect to it.
            var formerSlugs: [String]?
        }

        struct Silence: Codable {
            var outcome: String
            var months: Int
        }

        struct Handler: Codable {
            var type: String
            var organisation: String?
            var counters: [String]?
        }

        struct Exception: Codable {
            var commune: String
            var type: String
            var organisation: String?
            var note: String?
        }
    }
}
